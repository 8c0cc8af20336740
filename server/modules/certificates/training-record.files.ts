import type { Locale } from "../../../common/locales.ts";
import { toCsv } from "../../files/csv.ts";
import { BOLD, createPdf, REGULAR } from "../../files/pdf.ts";
import { translator } from "../../i18n.ts";
import { formatHours, formatLongDate } from "./documents.format.ts";
import { quarterHours } from "./hours.ts";
import type { CohortRecord, RecordPerson } from "./records.data.ts";

const GREEN = "#0b5d4b";
const GREY = "#4a5560";

export interface TrainingRecordData {
  person: RecordPerson;
  records: CohortRecord[];
  organisationName: string;
  /** The day it was drawn up: a record is true as of a date. */
  issuedOn: string;
}

const sum = (records: CohortRecord[], pick: (r: CohortRecord) => number) =>
  records.reduce((total, record) => total + pick(record), 0);

/**
 * The training record as PDF, in the person's language: every cohort with its dates, hours and the
 * competences shown, then the totals and what the hours mean (for an auditor or a subsidy file).
 */
export function renderTrainingRecordPdf(data: TrainingRecordData): Promise<Buffer> {
  const locale: Locale = data.person.locale;
  const t = translator(locale, data.person.country);
  const pdf = createPdf({ title: t("certificates.record.fileTitle", { name: data.person.name }), locale });
  const { doc, as } = pdf;
  doc.font(BOLD).fontSize(20).fillColor(GREEN).text(t("certificates.record.title"), as("H1"));
  doc.moveDown(0.4).font(REGULAR).fontSize(11).fillColor("black");
  doc.text(
    t("certificates.record.who", { name: data.person.name, organisation: data.organisationName }),
    as("P"),
  );
  if (data.person.employeeNumber) {
    doc.text(t("certificates.record.employeeNumber", { number: data.person.employeeNumber }), as("P"));
  }
  doc
    .fillColor(GREY)
    .text(t("certificates.record.asOf", { date: formatLongDate(data.issuedOn, locale) }), as("P"));

  if (data.records.length === 0) {
    doc.moveDown(1).fillColor("black").text(t("certificates.record.none"), as("P"));
  }
  for (const record of data.records) {
    doc.moveDown(1).font(BOLD).fontSize(13).fillColor(GREEN).text(record.trajectoryTitle, as("H2"));
    doc.font(REGULAR).fontSize(10).fillColor("black");
    const line = (key: string, values: Record<string, unknown>) => doc.text(t(key, values), as("P"));
    line("certificates.record.cohort", { cohort: record.cohortName });
    line("certificates.certificate.period", {
      start: formatLongDate(record.startDate, locale),
      end: formatLongDate(record.endDate, locale),
    });
    line("certificates.record.practiceDays", {
      attended: record.hours.practiceDaysAttended,
      total: record.hours.practiceDaysTotal,
      hours: formatHours(record.hours.practiceMinutes, locale),
    });
    line("certificates.certificate.ownWorkHours", {
      hours: formatHours(record.hours.ownWorkMinutes, locale),
    });
    line("certificates.record.competences", {
      competences: record.competencesShown.join(", ") || t("certificates.record.noCompetences"),
    });
  }

  doc
    .moveDown(1.2)
    .font(BOLD)
    .fontSize(13)
    .fillColor(GREEN)
    .text(t("certificates.record.totalsTitle"), as("H2"));
  doc.font(REGULAR).fontSize(10).fillColor("black");
  doc.text(
    t("certificates.record.totals", {
      count: data.records.length,
      practice: formatHours(
        sum(data.records, (r) => r.hours.practiceMinutes),
        locale,
      ),
      own: formatHours(
        sum(data.records, (r) => r.hours.ownWorkMinutes),
        locale,
      ),
    }),
    as("P"),
  );
  doc.moveDown(0.6).fontSize(9).fillColor(GREY);
  doc.text(t("certificates.hoursMeaning"), as("P"));
  doc.moveDown(0.3).text(t("certificates.competencesMeaning"), as("P"));
  doc.moveDown(0.3).text(t("certificates.record.subsidyNote"), as("P"));
  return pdf.finish();
}

/** The CSV columns, in order: one row per cohort, dates as ISO dates, hours as numbers. */
export const trainingRecordColumns = [
  "person",
  "employeeNumber",
  "trajectory",
  "cohort",
  "startDate",
  "endDate",
  "practiceDaysAttended",
  "practiceDaysPlanned",
  "practiceDayHours",
  "ownWorkHours",
  "totalHours",
  "competencesShown",
] as const;

/** The training record as CSV through the one CSV writer, headers in the person's language. */
export function trainingRecordCsv(data: TrainingRecordData): string {
  const locale = data.person.locale;
  const t = translator(locale, data.person.country);
  const header = trainingRecordColumns.map((column) => t(`certificates.csv.${column}`));
  const rows = data.records.map((record) => [
    data.person.name,
    data.person.employeeNumber ?? "",
    record.trajectoryTitle,
    record.cohortName,
    record.startDate,
    record.endDate,
    record.hours.practiceDaysAttended,
    record.hours.practiceDaysTotal,
    quarterHours(record.hours.practiceMinutes),
    quarterHours(record.hours.ownWorkMinutes),
    quarterHours(record.hours.totalMinutes),
    record.competencesShown.join(", "),
  ]);
  return toCsv([header, ...rows], locale);
}
