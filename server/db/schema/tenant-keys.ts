import { type AnyPgColumn, foreignKey } from "drizzle-orm/pg-core";

/**
 * A reference to another tenant-owned row: the organisation id is part of the key on both sides, so a
 * row can never point into another organisation. Add `.onDelete(...)` where the child should follow.
 */
export const tenantReference = (
  organisationId: AnyPgColumn,
  column: AnyPgColumn,
  target: { organisationId: AnyPgColumn; id: AnyPgColumn },
) => foreignKey({ columns: [organisationId, column], foreignColumns: [target.organisationId, target.id] });
