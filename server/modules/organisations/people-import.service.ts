import { eq, inArray } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { ImportPreview } from "../../../common/schemas/people.ts";
import { personRoles, persons, teamMemberships, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { authorize } from "./organisations.policy.ts";
import { ImportFileError, parsePeopleCsv, type ImportCandidate } from "./people-import.ts";
import { type Mailing, sendInvitation } from "./people.service.ts";
import { deliverSoon } from "../notifications/index.ts";
import { recordAudit } from "../../audit.ts";

interface Plan {
  candidates: (ImportCandidate & { existingId: string | null })[];
  teamIds: Map<string, string>;
  newTeams: string[];
}

function parseOrThrow(csv: string): ImportCandidate[] {
  try {
    return parsePeopleCsv(csv);
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw new AppError("IMPORT_INVALID", `file: ${error.code}`, {}, [
        { field: "csv", code: `import_${error.code}` },
      ]);
    }
    throw error;
  }
}

/** Matches candidates with the people and teams that already exist (by email and team name). */
async function planImport(tenant: Tenant, csv: string): Promise<Plan> {
  const parsed = parseOrThrow(csv);
  const emails = parsed.map((c) => c.email).filter(Boolean);
  const existing = emails.length
    ? await tenant.select(persons, { id: persons.id, email: persons.email }, inArray(persons.email, emails))
    : [];
  const teamRows = await tenant.select(teams, { id: teams.id, name: teams.name });
  const teamIds = new Map(teamRows.map((t) => [t.name.toLowerCase(), t.id]));
  const newTeams = [
    ...new Map(
      parsed
        .filter((c) => c.team && c.errors.length === 0 && !teamIds.has(c.team.toLowerCase()))
        .map((c) => [c.team!.toLowerCase(), c.team!]),
    ).values(),
  ];
  const candidates = parsed.map((c) => ({
    ...c,
    existingId: existing.find((e) => e.email === c.email)?.id ?? null,
  }));
  return { candidates, teamIds, newTeams };
}

function presentPlan(plan: Plan, locale: Locale): ImportPreview {
  const t = translator(locale);
  const rows = plan.candidates.map((c) => ({
    line: c.line,
    action: c.errors.length ? ("error" as const) : c.existingId ? ("update" as const) : ("create" as const),
    email: c.email,
    name: c.name,
    team: c.team,
    roles: c.roles,
    errors: c.errors.map((e) => ({
      ...e,
      message: t(`import.rowErrors.${e.code}`, { field: t(`fields.${e.field}`), line: c.line }),
    })),
  }));
  const counts = { create: 0, update: 0, error: 0 };
  for (const row of rows) counts[row.action]++;
  return { rows, counts, newTeams: plan.newTeams };
}

/** Shows what an import would do, row by row, without writing anything. */
export async function previewImport(scope: Scope, { csv }: { csv: string }): Promise<ImportPreview> {
  authorize(scope.actor, "people.manage");
  return presentPlan(await planImport(scope.tenant, csv), scope.locale);
}

/**
 * Applies an import in one transaction. Any row with a problem refuses the whole file, so an
 * organisation is never left half-imported. New people get invitations only when asked.
 */
export async function commitImport(
  scope: Scope,
  { csv, sendInvitations }: { csv: string; sendInvitations: boolean },
  { jobs }: Mailing,
): Promise<ImportPreview> {
  const { tenant, actor, locale, now } = scope;
  authorize(actor, "people.manage");
  const result = await tenant.transaction(async (tx) => {
    const plan = await planImport(tx, csv);
    const preview = presentPlan(plan, locale);
    if (preview.counts.error > 0) {
      throw new AppError("IMPORT_INVALID", "rows with errors", { count: preview.counts.error }, [
        { field: "csv", code: "import_rows_invalid" },
      ]);
    }
    for (const name of plan.newTeams) {
      const [team] = await tx.db.insert(teams).values(tx.row({ name })).returning({ id: teams.id });
      plan.teamIds.set(name.toLowerCase(), team!.id);
    }
    for (const c of plan.candidates) {
      const personId = c.existingId ?? (await insertCandidate(tx, c));
      if (c.existingId) {
        await tx.db
          .update(persons)
          .set({
            name: c.name,
            ...(c.locale ? { locale: c.locale } : {}),
            employeeNumber: c.employeeNumber,
            updatedAt: now,
          })
          .where(tx.where(persons, eq(persons.id, personId)));
      }
      if (!c.existingId || c.rolesGiven) {
        await tx.db.delete(personRoles).where(tx.where(personRoles, eq(personRoles.personId, personId)));
        await tx.db.insert(personRoles).values(tx.rows(c.roles.map((role) => ({ personId, role }))));
      }
      const teamId = c.team ? plan.teamIds.get(c.team.toLowerCase()) : undefined;
      if (teamId) {
        await tx.db.insert(teamMemberships).values(tx.row({ teamId, personId })).onConflictDoNothing();
      }
      if (!c.existingId && sendInvitations) {
        await sendInvitation(
          { ...scope, tenant: tx },
          { id: personId, email: c.email, name: c.name, locale: c.locale },
        );
      }
    }
    await recordAudit(
      tx,
      actor,
      "people.imported",
      { type: "organisation" },
      { ...preview.counts, newTeams: plan.newTeams.length },
    );
    return preview;
  });
  if (sendInvitations && result.counts.create > 0) await deliverSoon(jobs);
  return result;
}

async function insertCandidate(tenant: Tenant, c: ImportCandidate): Promise<string> {
  const [created] = await tenant.db
    .insert(persons)
    .values(
      tenant.row({
        email: c.email,
        name: c.name,
        locale: c.locale,
        employeeNumber: c.employeeNumber,
        status: "invited",
      }),
    )
    .returning({ id: persons.id });
  return created!.id;
}
