import type { Locale } from "../../../common/locales.ts";
import { BOLD, createPdf, REGULAR } from "../../files/pdf.ts";
import { translator } from "../../i18n.ts";
import { formatHours, formatLongDate } from "./documents.format.ts";
import type { CohortRecord, RecordPerson } from "./records.data.ts";

const GREEN = "#0b5d4b";
const GREY = "#4a5560";

/** Who signs: a named person with their role, or only the organisation (decision 0018). */
export interface Signatory {
  name: string;
  role: "coordinator" | "designer";
}

export interface CertificateData {
  person: RecordPerson;
  record: CohortRecord;
  organisationName: string;
  signatory: Signatory | null;
  /** The day it was issued, in the organisation's calendar. */
  issuedOn: string;
}

/**
 * A participation certificate on one A4 page, in the person's language: who, which training, when, the
 * hours (practice days apart from own work, with what each means), the competences shown, and who
 * issued it. It certifies participation, and says so: it is no diploma.
 */
export function renderCertificate(data: CertificateData): Promise<Buffer> {
  const locale: Locale = data.person.locale;
  const t = translator(locale, data.person.country);
  const { record, person } = data;
  const pdf = createPdf({ title: t("certificates.certificate.fileTitle", { name: person.name }), locale });
  const { doc, as, decoration } = pdf;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  decoration();
  doc
    .lineWidth(2)
    .strokeColor(GREEN)
    .rect(24, 24, doc.page.width - 48, doc.page.height - 48)
    .stroke();
  doc.endMarkedContent();

  doc.y = 80;
  doc
    .font(REGULAR)
    .fontSize(12)
    .fillColor(GREY)
    .text(data.organisationName, { align: "center", ...as("P") });
  doc.moveDown(1.2);
  doc
    .font(BOLD)
    .fontSize(26)
    .fillColor(GREEN)
    .text(t("certificates.certificate.title"), { align: "center", ...as("H1") });
  doc.moveDown(1.2);
  doc
    .font(REGULAR)
    .fontSize(12)
    .fillColor("black")
    .text(t("certificates.certificate.certifies"), { align: "center", ...as("P") });
  doc.moveDown(0.5);
  doc
    .font(BOLD)
    .fontSize(22)
    .text(person.name, { align: "center", ...as("P") });
  doc.moveDown(0.5);
  doc
    .font(REGULAR)
    .fontSize(12)
    .text(t("certificates.certificate.tookPart"), { align: "center", ...as("P") });
  doc.moveDown(0.5);
  doc
    .font(BOLD)
    .fontSize(16)
    .fillColor(GREEN)
    .text(record.trajectoryTitle, { align: "center", ...as("P") });
  doc.font(REGULAR).fontSize(11).fillColor(GREY);
  doc.text(t("certificates.certificate.cohort", { cohort: record.cohortName }), {
    align: "center",
    ...as("P"),
  });
  doc.text(
    t("certificates.certificate.period", {
      start: formatLongDate(record.startDate, locale),
      end: formatLongDate(record.endDate, locale),
    }),
    { align: "center", ...as("P") },
  );

  doc.moveDown(1.5).fillColor("black");
  doc
    .font(BOLD)
    .fontSize(13)
    .fillColor(GREEN)
    .text(t("certificates.certificate.hoursTitle"), left, doc.y, as("H2"));
  doc.font(REGULAR).fontSize(11).fillColor("black").moveDown(0.3);
  const { hours } = record;
  doc.text(
    t("certificates.certificate.practiceDays", {
      attended: hours.practiceDaysAttended,
      total: hours.practiceDaysTotal,
      days: record.sessionDates.map((d) => formatLongDate(d, locale)).join(", "),
    }),
    as("P"),
  );
  doc.text(
    t("certificates.certificate.practiceHours", { hours: formatHours(hours.practiceMinutes, locale) }),
    as("P"),
  );
  doc.text(
    t("certificates.certificate.ownWorkHours", { hours: formatHours(hours.ownWorkMinutes, locale) }),
    as("P"),
  );
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor(GREY)
    .text(t("certificates.hoursMeaning"), { width, ...as("P") });

  doc
    .moveDown(1)
    .font(BOLD)
    .fontSize(13)
    .fillColor(GREEN)
    .text(t("certificates.certificate.competencesTitle"), as("H2"));
  doc.font(REGULAR).fontSize(11).fillColor("black").moveDown(0.3);
  if (record.competencesShown.length === 0) {
    doc.text(t("certificates.certificate.noCompetences"), as("P"));
  } else {
    for (const competence of record.competencesShown) doc.text(`•  ${competence}`, as("P"));
    doc.moveDown(0.3).fontSize(9).fillColor(GREY).text(t("certificates.competencesMeaning"), as("P"));
  }

  signature(pdf, data, t);
  return pdf.finish();
}

function signature(
  { doc, as, decoration }: ReturnType<typeof createPdf>,
  data: CertificateData,
  t: ReturnType<typeof translator>,
) {
  const left = doc.page.margins.left;
  const y = Math.max(doc.y + 30, doc.page.height - 230);
  decoration();
  doc
    .lineWidth(0.8)
    .strokeColor(GREY)
    .moveTo(left, y + 40)
    .lineTo(left + 220, y + 40)
    .stroke();
  doc.endMarkedContent();
  doc.font(REGULAR).fontSize(11).fillColor("black");
  doc.text(
    t("certificates.certificate.issued", {
      organisation: data.organisationName,
      date: formatLongDate(data.issuedOn, data.person.locale),
    }),
    left,
    y + 48,
    as("P"),
  );
  if (data.signatory) {
    doc.text(
      t("certificates.certificate.signedBy", {
        name: data.signatory.name,
        role: t(`certificates.roles.${data.signatory.role}`),
      }),
      as("P"),
    );
  }
  doc.moveDown(1.5).fontSize(8).fillColor(GREY).text(t("certificates.certificate.notADiploma"), as("P"));
}
