import type { Locale } from "../../common/locales.ts";
import type { Role } from "../../common/roles.ts";
import type { Database } from "../db/client.ts";
import type { Config } from "../env.ts";
import type { Jobs } from "../jobs/queue.ts";
import type { Mailer } from "../modules/notifications/mailer.ts";

/** The signed-in person making a request. */
export interface Actor {
  personId: string;
  organisationId: string;
  sessionId: string;
  name: string;
  email: string;
  roles: ReadonlySet<Role>;
  locale: Locale | null;
  /**
   * What the session still owes before it may do anything but finish signing in (decision 0026):
   * `verify` a second factor, or `enrol` one the organisation requires. Absent or null: nothing.
   */
  pendingSecondFactor?: "verify" | "enrol" | null;
}

/** What the HTTP layer is given by the composition root; modules take only the parts they need. */
export interface AppDeps {
  config: Config;
  database: Database;
  jobs: Jobs;
  mailer: Mailer | null;
  clock: () => Date;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /**
     * How the cross-tenant harness treats a route: `public` routes need no sign-in and touch no tenant
     * data; all other routes are probed with another organisation's ids.
     */
    access?: "public" | "signed-in";
    /** The answer holds a secret shown once (new xAPI credentials): never stored for a replay. */
    answerHoldsSecret?: boolean;
    /**
     * Which sessions that still owe a second factor may call the route (decision 0026): `verify` the
     * steps that prove one, `enrol` the ones that set one up, `any` both (who am I, sign out).
     */
    secondFactorStep?: "verify" | "enrol" | "any";
  }
}
