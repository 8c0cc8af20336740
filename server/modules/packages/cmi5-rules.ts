import { eq } from "drizzle-orm";
import { cmi5Sessions } from "../../db/schema/index.ts";
import type { Cmi5LaunchMode } from "../../db/schema/packages.ts";
import type { LaunchStatementsGuard } from "../xapi/index.ts";
import { registrationStatements } from "../xapi/index.ts";
import { registrationByUuid } from "./cmi5-progress.ts";
import { CMI5, VERB } from "./cmi5-vocabulary.ts";
import { packageRow } from "./packages.service.ts";

/**
 * The statement rules of cmi5 (§9.3, §10) for what an AU sends with its launch credentials: the LMS
 * refuses (403) a cmi5-defined verb out of its place, so a registration's record stays trustworthy.
 * Pure `refusalOf` decides; `cmi5StatementsGuard` loads what it needs and is passed to the LRS.
 */

type Statement = Record<string, unknown>;

export interface SessionState {
  /** The session's AU, launch mode and ending, or null when the statement names no session of the registration. */
  session: { auId: string; launchMode: Cmi5LaunchMode; ended: boolean } | null;
  initialized: boolean;
  terminated: boolean;
  /** Already recorded for the AU in the registration. */
  completed: boolean;
  passed: boolean;
  masteryScore: number | null;
}

const DEFINED: string[] = [VERB.initialized, VERB.completed, VERB.passed, VERB.failed, VERB.terminated];
const JUDGED: string[] = [VERB.completed, VERB.passed, VERB.failed];

export const verbOf = (s: Statement) => String((s.verb as Statement | undefined)?.id ?? "");
export const sessionIdOf = (s: Statement) =>
  String(((s.context as Statement | undefined)?.extensions as Statement | undefined)?.[CMI5.sessionId] ?? "");
const scaledOf = (s: Statement) => {
  const scaled = ((s.result as Statement | undefined)?.score as Statement | undefined)?.scaled;
  return typeof scaled === "number" ? scaled : null;
};

/** Why the statement breaks a rule (and then `state` is left as it was), or null (and `state` moves on). */
export function refusalOf(statement: Statement, state: SessionState): string | null {
  const verb = verbOf(statement);
  if (!DEFINED.includes(verb)) {
    if (state.terminated) return "the session has terminated";
    return null;
  }
  const { session } = state;
  if (!session) return "a cmi5 statement must name a session of its registration";
  if (session.ended || state.terminated) return "the session has ended";
  if (verb === VERB.initialized) {
    if (state.initialized) return "the session is initialized already";
    state.initialized = true;
    return null;
  }
  if (!state.initialized) return "the AU must send initialized first";
  if (JUDGED.includes(verb) && session.launchMode !== "Normal")
    return `no ${verb.split("/").pop()} in ${session.launchMode} mode`;
  const scaled = scaledOf(statement);
  if (verb === VERB.completed) {
    if (state.completed) return "the AU is completed already in this registration";
    state.completed = true;
  }
  if (verb === VERB.passed) {
    if (state.passed) return "the AU is passed already in this registration";
    if (state.masteryScore !== null && scaled !== null && scaled < state.masteryScore)
      return "passed with a score below the mastery score";
    state.passed = true;
  }
  if (verb === VERB.failed) {
    if (state.passed) return "the AU is passed already in this registration";
    if (state.masteryScore !== null && scaled !== null && scaled >= state.masteryScore)
      return "failed with a score at or above the mastery score";
  }
  if (verb === VERB.terminated) state.terminated = true;
  return null;
}

/** The guard the LRS calls before storing what a launched AU sent: the first refusal, or null. */
export function cmi5StatementsGuard(): LaunchStatementsGuard {
  return async (tenant, caller, statements) => {
    if (!caller.registration) return null;
    const reg = await registrationByUuid(tenant, caller.registration);
    if (!reg) return null;
    const units = (await packageRow(tenant, reg.packageId)).units;
    const recorded = await registrationStatements(tenant, reg.registration, [
      VERB.initialized,
      VERB.terminated,
      VERB.completed,
      VERB.passed,
    ]);
    const sessions = await tenant.selectRows(cmi5Sessions, eq(cmi5Sessions.registration, reg.registration));
    const states = new Map<string, SessionState>();
    const stateFor = (statement: Statement): SessionState => {
      const sessionId = sessionIdOf(statement);
      const found = states.get(sessionId);
      if (found) return found;
      const row = sessions.find((s) => s.id === sessionId);
      const auId = row?.auId ?? "";
      const said = (verb: string, inSession: boolean) =>
        recorded.some(
          (r) =>
            r.verb === verb && r.objectId === auId && (!inSession || sessionIdOf(r.statement) === sessionId),
        );
      const state: SessionState = {
        session: row ? { auId, launchMode: row.launchMode, ended: row.abandonedAt !== null } : null,
        initialized: said(VERB.initialized, true),
        terminated: said(VERB.terminated, true),
        completed: said(VERB.completed, false),
        passed: said(VERB.passed, false),
        masteryScore: units.find((u) => u.id === auId)?.masteryScore ?? null,
      };
      states.set(sessionId, state);
      return state;
    };
    for (const statement of statements) {
      const refusal = refusalOf(statement, stateFor(statement));
      if (refusal) return refusal;
    }
    return null;
  };
}
