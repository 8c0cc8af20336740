import {
  type AnyPgColumn,
  type ForeignKeyBuilder,
  type PrimaryKeyBuilder,
  foreignKey,
  primaryKey,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, persons } from "./organisations.ts";

// The shapes every tenant-owned table shares, written once. They are function declarations rather than
// arrow constants on purpose: organisations.ts uses them and this file refers to its tables, and a
// declared function can be called before either file has run, whichever of the two is loaded first.
// The tables themselves are only reached inside callbacks that Drizzle runs later.

type TenantKeyed = { organisationId: AnyPgColumn };

/** A point in time, always stored with its time zone. */
export function instant(name: string) {
  return timestamp(name, { withTimezone: true });
}

/** The tenant key of a top-level row: deleting the organisation deletes the row. */
export function organisationIdColumn() {
  return tenantKeyColumn().references(() => organisations.id, { onDelete: "cascade" });
}

/**
 * The tenant key of a row that reaches its organisation through another row (a person, a parent): the
 * composite reference to that row carries the organisation, so this column needs no reference of its own.
 */
export function tenantKeyColumn() {
  return uuid("organisation_id").notNull();
}

/** A row's own id, made by the database; unique together with the organisation id. */
export function idColumn() {
  return uuid("id").notNull().defaultRandom();
}

/** When the row was made. Add `.defaultNow()` where the database stamps it. */
export function createdAtColumn() {
  return instant("created_at").notNull();
}

/** The key of a tenant-owned row: the organisation id and the row's id, or the columns given. */
export function tenantPrimaryKey(t: TenantKeyed & { id: AnyPgColumn }): PrimaryKeyBuilder;
export function tenantPrimaryKey(
  t: TenantKeyed,
  ...columns: [AnyPgColumn, ...AnyPgColumn[]]
): PrimaryKeyBuilder;
export function tenantPrimaryKey(t: TenantKeyed & { id?: AnyPgColumn }, ...columns: AnyPgColumn[]) {
  const rest = columns.length > 0 ? columns : [t.id as AnyPgColumn];
  return primaryKey({ columns: [t.organisationId, ...rest] });
}

/**
 * A reference to another tenant-owned row: the organisation id is part of the key on both sides, so a
 * row can never point into another organisation. Add `.onDelete(...)` where the child should follow.
 */
export function tenantReference(
  organisationId: AnyPgColumn,
  column: AnyPgColumn,
  target: { organisationId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({
    columns: [organisationId, column],
    foreignColumns: [target.organisationId, target.id],
  });
}

/** A reference to a person of the same organisation (`personId`, or the column given); goes with them. */
export function personReference(t: TenantKeyed & { personId: AnyPgColumn }): ForeignKeyBuilder;
export function personReference(t: TenantKeyed, person: AnyPgColumn): ForeignKeyBuilder;
export function personReference(t: TenantKeyed & { personId?: AnyPgColumn }, person?: AnyPgColumn) {
  return tenantReference(t.organisationId, (person ?? t.personId) as AnyPgColumn, persons).onDelete(
    "cascade",
  );
}
