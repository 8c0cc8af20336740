import { timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";

// The column shapes every tenant-owned table shares, written once; the keys and references built on
// them are in tenant-keys.ts, and tenant-tables.ts puts them first in every tenant-owned table. These
// are function declarations rather than arrow constants on purpose: organisations.ts uses them while
// this file refers to its table, and a declared function can be called before either file has run,
// whichever of the two is loaded first. The table itself is only reached inside a callback that
// Drizzle runs later.

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
