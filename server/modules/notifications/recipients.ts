import { and, eq, exists, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import type { Db } from "../../db/client.ts";
import { organisations, persons } from "../../db/schema/index.ts";
import { sameOrganisation, type Tenant, type TenantTable } from "../../db/tenant.ts";

/** Someone to write to: where, by which name, in which language and for which time zone. */
export interface Recipient {
  organisationId: string;
  personId: string;
  name: string;
  email: string;
  /** Their own language, else their organisation's, else Dutch. */
  locale: Locale;
  /** Their own time zone (every person has one; new people get the installation's default). */
  timeZone: string;
}

/**
 * The one recipient lookup: active, not erased people with their address and the language to write to
 * them in. `where` narrows `persons`; a caller inside an organisation passes `tenant.where(persons, …)`
 * through `recipientsOf`, only a sweep across organisations passes its own condition.
 */
export async function findRecipients(db: Db, where: SQL | undefined): Promise<Recipient[]> {
  const rows = await db
    .select({
      organisationId: persons.organisationId,
      personId: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      defaultLocale: organisations.defaultLocale,
      timeZone: persons.timeZone,
    })
    .from(persons)
    .innerJoin(organisations, eq(organisations.id, persons.organisationId))
    .where(and(eq(persons.status, "active"), isNull(persons.erasedAt), where))
    .orderBy(persons.organisationId, persons.name);
  return rows.map(({ defaultLocale, ...row }) => ({
    ...row,
    locale: recipientLocale(row.locale, defaultLocale),
  }));
}

/** The active people among `personIds` (a list or a subquery of person ids) in this organisation. */
export function recipientsOf(tenant: Tenant, personIds: string[] | SQLWrapper): Promise<Recipient[]> {
  if (Array.isArray(personIds) && personIds.length === 0) return Promise.resolve([]);
  return findRecipients(tenant.db, tenant.where(persons, inArray(persons.id, personIds)));
}

/**
 * For a sweep's `findRecipients`: the person has a row in `table` that meets `conditions` (manages a
 * team, takes part in a cohort), in their own organisation.
 */
export function hasRowIn(db: Db, table: TenantTable & { personId: PgColumn }, ...conditions: SQL[]): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(sameOrganisation(table, persons, eq(table.personId, persons.id), ...conditions)),
  );
}
