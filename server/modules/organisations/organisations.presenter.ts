import { defaultLocale, isLocale } from "../../../common/locales.ts";

export function presentOrganisation(org: {
  id: string;
  name: string;
  defaultLocale: string;
  anonymityThreshold: number;
}) {
  return {
    id: org.id,
    name: org.name,
    defaultLocale: isLocale(org.defaultLocale) ? org.defaultLocale : defaultLocale,
    anonymityThreshold: org.anonymityThreshold,
  };
}

export function presentOutboxMessage(message: {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  status: "pending" | "sent" | "failed" | "held";
  createdAt: Date;
}) {
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    status: message.status,
    createdAt: message.createdAt.toISOString(),
  };
}
