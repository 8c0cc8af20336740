import {
  type AnyPgColumn,
  type ForeignKeyBuilder,
  type PrimaryKeyBuilder,
  foreignKey,
  primaryKey,
} from "drizzle-orm/pg-core";
import { persons } from "./organisations.ts";

// Keys of tenant-owned tables: the organisation id is part of every key and every reference. Function
// declarations for the same reason as in columns.ts (organisations.ts uses them, this file refers to
// its `persons` table, which Drizzle only reads later, inside the table's callback).

type TenantKeyed = { organisationId: AnyPgColumn };

/** The key of a tenant-owned row: the organisation id, then the columns that tell its rows apart. */
export function tenantPrimaryKey(
  t: TenantKeyed,
  ...columns: [AnyPgColumn, ...AnyPgColumn[]]
): PrimaryKeyBuilder {
  return primaryKey({ columns: [t.organisationId, ...columns] });
}

/**
 * A reference from `column` of a tenant-owned row to another tenant-owned row: the organisation id is
 * part of the key on both sides, so a row can never point into another organisation. Add
 * `.onDelete(...)` where the child should follow.
 */
export function tenantReference(
  t: TenantKeyed,
  column: AnyPgColumn,
  target: TenantKeyed & { id: AnyPgColumn },
): ForeignKeyBuilder {
  return foreignKey({
    columns: [t.organisationId, column],
    foreignColumns: [target.organisationId, target.id],
  });
}

/** A reference to a person of the same organisation (`personId`, or the column given); goes with them. */
export function personReference(t: TenantKeyed & { personId: AnyPgColumn }): ForeignKeyBuilder;
export function personReference(t: TenantKeyed, person: AnyPgColumn): ForeignKeyBuilder;
export function personReference(t: TenantKeyed & { personId?: AnyPgColumn }, person?: AnyPgColumn) {
  return tenantReference(t, (person ?? t.personId) as AnyPgColumn, persons).onDelete("cascade");
}
