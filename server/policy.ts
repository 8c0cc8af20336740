import type { Role } from "../common/roles.ts";
import { forbidden } from "./errors.ts";
import type { Actor } from "./http/context.ts";

/** A module's permission table: which roles hold each permission. Permission names are stable ids. */
export type Grants<P extends string> = Record<P, readonly Role[]>;

export function can<P extends string>(grants: Grants<P>, actor: Actor, permission: P): boolean {
  return grants[permission].some((role) => actor.roles.has(role));
}

/** The first line of a use case: throws FORBIDDEN unless the actor holds the permission. */
export function authorize<P extends string>(grants: Grants<P>, actor: Actor, permission: P): void {
  if (!can(grants, actor, permission)) throw forbidden(permission);
}

/** A module's own `authorize(actor, permission)`, over its permission table. */
export function authorizerFor<P extends string>(grants: Grants<P>): (actor: Actor, permission: P) => void {
  return (actor, permission) => authorize(grants, actor, permission);
}
