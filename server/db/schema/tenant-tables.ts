import type { BuildColumns, BuildExtraConfigColumns } from "drizzle-orm";
import {
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type PgTableWithColumns,
  pgTable,
} from "drizzle-orm/pg-core";
import { idColumn, organisationIdColumn, tenantKeyColumn } from "./columns.ts";
import { tenantPrimaryKey } from "./tenant-keys.ts";

// The one factory for tenant-owned tables. It puts the organisation id first and keys every row by it
// and a generated id (or the columns `key` names), so a schema file states only its own columns,
// indexes and references. A function declaration for the same reason as in columns.ts: organisations.ts
// calls it while tenant-keys.ts, which it uses, refers back to the `persons` table.

type Columns = Record<string, PgColumnBuilderBase>;
type Extras<TName extends string, TColumns extends Columns> = (
  t: BuildExtraConfigColumns<TName, TColumns, "pg">,
) => PgTableExtraConfigValue[];
type Table<TName extends string, TColumns extends Columns> = PgTableWithColumns<{
  name: TName;
  schema: undefined;
  columns: BuildColumns<TName, TColumns, "pg">;
  dialect: "pg";
}>;

// Both organisation columns have the same type; they differ only in the reference the database keeps.
type Owned = { organisationId: ReturnType<typeof organisationIdColumn> };
type OwnedWithId = Owned & { id: ReturnType<typeof idColumn> };
/** The columns after the organisation id that tell rows apart when they have no id of their own. */
type Key<TColumns extends Columns> = [keyof TColumns & string, ...(keyof TColumns & string)[]];
type OwnColumns<TKey> = TKey extends unknown[] ? Owned : OwnedWithId;

type Options<TKey> = {
  /** Key the rows by these columns instead of a generated id. */
  key?: TKey;
  /**
   * The row reaches its organisation through another row (a person, a parent): the composite reference
   * to that row, which `extras` states, carries the organisation, so the organisation id has no
   * reference of its own. Otherwise deleting the organisation deletes the row directly.
   */
  throughParent?: boolean;
};

/** A tenant-owned table: keyed by the organisation and a generated id, or by `options.key`. */
export function tenantTable<
  TName extends string,
  TColumns extends Columns,
  TKey extends Key<TColumns> | undefined = undefined,
>(
  name: TName,
  columns: TColumns,
  extras?: Extras<TName, OwnColumns<TKey> & TColumns>,
  options?: Options<TKey>,
): Table<TName, OwnColumns<TKey> & TColumns>;
// The signature above types the callers; this one builds the table from columns of any name.
export function tenantTable(
  name: string,
  columns: Columns,
  extras: Extras<string, Columns> = () => [],
  options: Options<string[]> = {},
) {
  const organisationId = options.throughParent ? tenantKeyColumn() : organisationIdColumn();
  const own: Columns = options.key ? { organisationId } : { organisationId, id: idColumn() };
  return pgTable(name, { ...own, ...columns }, (t) => {
    const column = (columnName: string) => t[columnName] as AnyPgColumn;
    const [first = "id", ...rest] = options.key ?? [];
    return [
      tenantPrimaryKey({ organisationId: column("organisationId") }, column(first), ...rest.map(column)),
      ...extras(t),
    ];
  });
}
