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
