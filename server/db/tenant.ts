import { and, eq, getTableColumns, type SQL, type Table } from "drizzle-orm";
import type { PgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";

/** Any table that belongs to one organisation. */
export type TenantTable = PgTable & { organisationId: PgColumn };

/** Columns of `table` by name, for a select that keeps their names: `columnsOf(plans, "id", "action")`. */
export function columnsOf<TTable extends Table, TName extends keyof TTable["_"]["columns"] & string>(
  table: TTable,
  ...names: TName[]
): Pick<TTable["_"]["columns"], TName> {
  const columns = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<
    TTable["_"]["columns"],
    TName
  >;
}

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
   * `fields` of this organisation's rows of `table` that meet `conditions`: the everyday read of one
   * table, naming it once. Chain `.orderBy(…)` or `.limit(…)` as on any select.
   */
  select<TFields extends SelectedFields>(
    table: TenantTable,
    fields: TFields,
    ...conditions: (SQL | undefined)[]
  ) {
    return this.db
      .select(fields)
      .from(table)
      .where(this.where(table, ...conditions));
  }

  /** Whole rows of `table` in this organisation that meet `conditions`. */
  selectRows<TTable extends TenantTable>(table: TTable, ...conditions: (SQL | undefined)[]) {
    return this.select(table, getTableColumns(table), ...conditions);
  }

  /**
   * The condition of a join between two tenant-owned tables: both rows in this organisation, plus the
   * join's own conditions. It cannot forget the organisation the way a hand-written
   * `and(eq(a.organisationId, b.organisationId), …)` can. A join along a reference is `refersTo`.
   */
  joinOn(joined: TenantTable, other: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return sameOrganisation(joined, other, eq(joined.organisationId, this.organisationId), ...conditions);
  }

  /**
   * The condition of a join along a reference: `column` holds the id of a `target` row, both in this
   * organisation. Either side may be the table joined: `.innerJoin(plans, tenant.refersTo(applications.planId, plans))`
   * or `.innerJoin(applications, tenant.refersTo(applications.planId, plans))`.
   */
  refersTo(column: PgColumn, target: TenantTable & { id: PgColumn }): SQL {
    return this.joinOn(target, column.table as TenantTable, eq(column, target.id));
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
