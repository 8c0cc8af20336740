import { type Role, roles } from "../common/roles.ts";
import type { Actor } from "../server/http/context.ts";

/** A signed-in person who has `roles` and nothing else of note: all a grant table reads. */
export const actorWith = (...roles: Role[]): Actor => ({
  personId: "p",
  organisationId: "o",
  sessionId: "s",
  name: "A",
  email: "a@example.test",
  roles: new Set(roles),
  locale: null,
});

/**
 * The roles that `authorize` lets do `permission`, each role tried alone, in the order of `roles`. A
 * refusal must name the permission it lacks (the FORBIDDEN message does); any other error is thrown.
 */
export function rolesAllowed<P extends string>(
  authorize: (actor: Actor, permission: P) => void,
  permission: P,
): Role[] {
  return roles.filter((role) => {
    try {
      authorize(actorWith(role), permission);
      return true;
    } catch (error) {
      if (!(error instanceof Error && error.message.includes(permission))) throw error;
      return false;
    }
  });
}
