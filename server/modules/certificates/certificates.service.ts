import { eq, isNull } from "drizzle-orm";
import { zipSync } from "fflate";
import { todayIn } from "../../../common/dates.ts";
import type { TrainingRecordView } from "../../../common/schemas/certificates.ts";
import { recordAudit } from "../../audit.ts";
import { cohorts, personRoles, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { participantsOf } from "../cohorts/index.ts";
import { organisationOf } from "../organisations/index.ts";
import { authorize, authorizeRecordOf } from "./certificates.policy.ts";
import { renderCertificate, type Signatory } from "./certificate.pdf.ts";
import { slugOf, uniqueFileNames } from "./file-names.ts";
import { quarterHours } from "./hours.ts";
import { cohortRecordsOf, recordPersonOf, type RecordPerson } from "./records.data.ts";
import {
  renderTrainingRecordPdf,
  trainingRecordCsv,
  type TrainingRecordData,
} from "./training-record.files.ts";

/** A file to download: its name and its bytes (or text). */
export interface Download<T> {
  fileName: string;
  body: T;
}

/** The planner's role that may sign, if any: the coordinator first, then the designer. */
async function signatoryFor(tenant: Tenant, personId: string | null): Promise<Signatory | null> {
  if (!personId) return null;
  const rows = await tenant.db
    .select({
      name: persons.name,
      role: personRoles.role,
      erasedAt: persons.erasedAt,
      status: persons.status,
    })
    .from(persons)
    .innerJoin(personRoles, tenant.refersTo(personRoles.personId, persons))
    .where(tenant.where(persons, eq(persons.id, personId)));
  const live = rows.filter((row) => row.erasedAt === null && row.status !== "deactivated");
  const role = (["coordinator", "designer"] as const).find((r) => live.some((row) => row.role === r));
  return role ? { name: live[0]!.name, role } : null;
}

/**
 * Who signs a certificate (decision 0018): the coordinator who issues it; when the learner downloads
 * her own, the coordinator or designer who planned the cohort, if they still work with Beklijf;
 * otherwise only the organisation.
 */
async function signatoryOf(tenant: Tenant, actor: Actor, cohortId: string): Promise<Signatory | null> {
  if (actor.roles.has("coordinator")) return signatoryFor(tenant, actor.personId);
  const [cohort] = await tenant.select(cohorts, { createdBy: cohorts.createdBy }, eq(cohorts.id, cohortId));
  return signatoryFor(tenant, cohort?.createdBy ?? null);
}

async function certificateFor(
  tenant: Tenant,
  context: {
    person: RecordPerson;
    cohortId: string;
    organisationName: string;
    signatory: Signatory | null;
    now: Date;
  },
): Promise<Buffer> {
  const { person, cohortId, now } = context;
  const [record] = person.erasedAt ? [] : await cohortRecordsOf(tenant, person.id, cohortId);
  if (!record) throw notFound("cohort");
  return renderCertificate({
    person,
    record,
    organisationName: context.organisationName,
    signatory: context.signatory,
    issuedOn: todayIn(person.timeZone, now),
  });
}

/**
 * One learner's participation certificate for one cohort, in her language. The coordinator may fetch
 * anyone's, the learner her own; someone who is not in the cohort has no certificate (NOT_FOUND).
 */
export async function getCertificate(
  { tenant, actor, now }: Scope,
  { cohortId, personId }: { cohortId: string; personId: string },
): Promise<Download<Buffer>> {
  authorizeRecordOf(actor, personId);
  const person = await recordPersonOf(tenant, personId);
  const organisation = await organisationOf(tenant);
  const body = await certificateFor(tenant, {
    person,
    cohortId,
    organisationName: organisation.name,
    signatory: await signatoryOf(tenant, actor, cohortId),
    now,
  });
  await recordAudit(tenant, actor, "certificate.downloaded", { type: "person", id: personId }, { cohortId });
  return { fileName: `certificate-${slugOf(person.name, "person")}.pdf`, body };
}

/**
 * Every participant's certificate in one zip, built in memory: a cohort holds at most 500 people
 * (the cohort schema's limit) and a certificate is some tens of kilobytes, so the zip stays within a
 * few megabytes. PDFs are compressed already, so the zip only stores them.
 */
export async function getCohortCertificates(
  { tenant, actor, now }: Scope,
  { cohortId }: { cohortId: string },
): Promise<Download<Uint8Array>> {
  authorize(actor, "certificates.anyone");
  const [cohort] = await tenant.select(
    cohorts,
    { name: cohorts.name },
    eq(cohorts.id, cohortId),
    isNull(cohorts.cancelledAt),
  );
  if (!cohort) throw notFound("cohort");
  const participants = (await participantsOf(tenant, [cohortId])).filter((p) => p.erasedAt === null);
  const organisation = await organisationOf(tenant);
  const signatory = await signatoryOf(tenant, actor, cohortId);
  const names = uniqueFileNames(
    "certificate",
    participants.map((p) => p.name),
    "pdf",
  );
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [index, participant] of participants.entries()) {
    const person = await recordPersonOf(tenant, participant.personId);
    const pdf = await certificateFor(tenant, {
      person,
      cohortId,
      organisationName: organisation.name,
      signatory,
      now,
    });
    files[names[index]!] = [pdf, { level: 0 }];
  }
  await recordAudit(
    tenant,
    actor,
    "certificates.cohort-downloaded",
    { type: "cohort", id: cohortId },
    {
      people: participants.length,
    },
  );
  return { fileName: `certificates-${slugOf(cohort.name, "cohort")}.zip`, body: zipSync(files) };
}

async function trainingRecordData(tenant: Tenant, personId: string, now: Date): Promise<TrainingRecordData> {
  const person = await recordPersonOf(tenant, personId);
  const organisation = await organisationOf(tenant);
  return {
    person,
    records: person.erasedAt ? [] : await cohortRecordsOf(tenant, personId),
    organisationName: organisation.name,
    issuedOn: todayIn(person.timeZone, now),
  };
}

/**
 * A person's training record as a file, in her language; every download is in the audit log (who saw
 * whose record).
 */
async function trainingRecordFile<T>(
  { tenant, actor, now }: Scope,
  {
    personId,
    format,
    render,
  }: { personId: string; format: "pdf" | "csv"; render: (data: TrainingRecordData) => T | Promise<T> },
): Promise<Download<T>> {
  authorizeRecordOf(actor, personId);
  const data = await trainingRecordData(tenant, personId, now);
  const body = await render(data);
  await recordAudit(
    tenant,
    actor,
    "training-record.downloaded",
    { type: "person", id: personId },
    { format },
  );
  return { fileName: `training-record-${slugOf(data.person.name, "person")}.${format}`, body };
}

/** The training record as PDF: the coordinator for anyone, the learner for herself. */
export const getTrainingRecordPdf = (scope: Scope, { personId }: { personId: string }) =>
  trainingRecordFile(scope, { personId, format: "pdf", render: renderTrainingRecordPdf });

/** The training record as CSV, one row per cohort: the coordinator for anyone, the learner for herself. */
export const getTrainingRecordCsv = (scope: Scope, { personId }: { personId: string }) =>
  trainingRecordFile(scope, { personId, format: "csv", render: trainingRecordCsv });

/** The learner's own record on screen (her passport), with what her downloads will say. */
export async function getMyTrainingRecord({ tenant, actor }: Scope): Promise<TrainingRecordView> {
  const records = await cohortRecordsOf(tenant, actor.personId);
  return {
    personId: actor.personId,
    cohorts: records.map((record) => ({
      cohortId: record.cohortId,
      cohortName: record.cohortName,
      trajectoryTitle: record.trajectoryTitle,
      startDate: record.startDate,
      endDate: record.endDate,
      practiceDaysAttended: record.hours.practiceDaysAttended,
      practiceDaysPlanned: record.hours.practiceDaysTotal,
      practiceDayHours: quarterHours(record.hours.practiceMinutes),
      ownWorkHours: quarterHours(record.hours.ownWorkMinutes),
      competencesShown: record.competencesShown,
    })),
  };
}
