import type { Country } from "../../../common/working-week.ts";
import { defaultLocale, isLocale } from "../../../common/locales.ts";

export function presentOrganisation(org: {
  id: string;
  name: string;
  defaultLocale: string;
  anonymityThreshold: number;
  country: Country;
  workingDays: number[];
}) {
  return {
    id: org.id,
    name: org.name,
    defaultLocale: isLocale(org.defaultLocale) ? org.defaultLocale : defaultLocale,
    anonymityThreshold: org.anonymityThreshold,
    country: org.country,
    // Monday first, whatever order they were saved in.
    workingDays: [...org.workingDays].sort((a, b) => a - b),
  };
}
