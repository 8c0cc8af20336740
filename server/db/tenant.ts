import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";

/** Any table that belongs to one organisation. */
export type TenantTable = PgTable & { organisationId: PgColumn };

/**
 * The condition of a join between two tenant-owned tables outside any one organisation (a sweep over
 * all of them, a lookup by a secret token that names its organisation): both rows in the same
 * organisation, plus the join's own conditions. Inside an organisation, `Tenant.joinOn` also pins it.
 */
export function sameOrganisation(
  joined: TenantTable,
  other: TenantTable,
  ...conditions: (SQL | undefined)[]
): SQL {
  return and(eq(joined.organisationId, other.organisationId), ...conditions) as SQL;
}

/**
 * The one way modules reach tenant-owned rows. Every filter starts with the organisation id and every
 * insert gets it stamped on, so forgetting the tenant is not possible through this helper.
 */
export class Tenant {
  readonly db: Db;
  readonly organisationId: string;

  constructor(db: Db, organisationId: string) {
    this.db = db;
    this.organisationId = organisationId;
  }

  /** A where-clause limited to this organisation, plus any extra conditions. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.organisationId, this.organisationId), ...conditions) as SQL;
  }

  /**
   * The condition of a join between two tenant-owned tables: both rows in this organisation, plus the
   * join's own conditions. `.innerJoin(persons, tenant.joinOn(persons, plans, eq(persons.id, plans.personId)))`
   * cannot forget the organisation the way a hand-written `and(eq(a.organisationId, b.organisationId), …)` can.
   */
  joinOn(joined: TenantTable, other: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return sameOrganisation(joined, other, eq(joined.organisationId, this.organisationId), ...conditions);
  }

  /** Stamps the organisation id on rows about to be inserted. */
  rows<T extends object>(values: T[]): (T & { organisationId: string })[] {
    return values.map((value) => ({ ...value, organisationId: this.organisationId }));
  }

  row<T extends object>(value: T): T & { organisationId: string } {
    return { ...value, organisationId: this.organisationId };
  }

  /** Runs `work` in one transaction; everything inside stays scoped to the same organisation. */
  transaction<R>(work: (tenant: Tenant) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => work(new Tenant(tx as unknown as Db, this.organisationId)));
  }
}
