import type { FastifyInstance, RouteOptions } from "fastify";
import type { Logger } from "pino";
import type { Database } from "../server/db/client.ts";
import { loadConfig } from "../server/env.ts";
import { buildApp } from "../server/http/app.ts";
import { type Jobs, noJobs } from "../server/jobs/queue.ts";
import { createLogger } from "../server/logger.ts";
import type { Mailer } from "../server/modules/notifications/mailer.ts";
import { createTestDatabase } from "./database.ts";
import { reportErrorOutput } from "./error-output-guard.ts";
import { TEST_PASSWORD } from "./factories.ts";
import { shared } from "./shared.ts";

export const TEST_ORIGIN = "http://localhost:3000";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  routes: RouteOptions[];
  clock: { now: Date };
  /** Signs in and returns the Cookie header value for later requests. */
  signIn(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  jobs?: Jobs;
  mailer?: Mailer | null;
  database?: Database;
  logger?: Logger;
}

/** An app the test shares and does not close itself: `useTestApp` closes it. */
export type SharedTestApp = Omit<TestApp, "close">;

/** pino's level for "error"; "fatal" is above it. */
const ERROR_LEVEL = 50;

/**
 * The app's log as tests see it: only errors are written, and each one goes to the error-output guard,
 * which fails the running test unless it said it expects that error (`expectErrorOutput("log", …)`).
 */
export function errorLogger(): Logger {
  return createLogger("error", {
    write(line: string) {
      const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
      if (entry.level >= ERROR_LEVEL) {
        reportErrorOutput("log", [entry.msg, entry.err?.message].filter(Boolean).join(": "));
      }
    },
  });
}

/**
 * The real HTTP app on a fresh database. Jobs are not run unless a test passes its own `jobs`;
 * mail stays in the outbox unless a test passes a mailer for its SMTP peer.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), publicUrl: TEST_ORIGIN };
  const clock = { now: new Date() };
  const routes: RouteOptions[] = [];
  const app = await buildApp(
    {
      config,
      database,
      jobs: options.jobs ?? noJobs,
      mailer: options.mailer ?? null,
      clock: () => clock.now,
    },
    {
      webDist: null,
      logger: options.logger ?? errorLogger(),
      onRoute: (route) => routes.push(route),
    },
  );
  await app.ready();
  return {
    app,
    database,
    routes,
    clock,
    async signIn(email, password = TEST_PASSWORD) {
      const response = await signInAttempt({ app }, email, password);
      if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === "beklijf_session");
      return `beklijf_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * The app (see `createTestApp`) for the tests of the enclosing `describe` or file: built before the
 * first and closed after the last. A fresh app is the slow part of an integration test, so tests share
 * it and each builds the organisation it needs.
 */
export function useTestApp(options: TestAppOptions = {}): SharedTestApp {
  return shared(
    () => createTestApp(options),
    (t) => t.close(),
  );
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A JSON call as the web app makes it: same origin, a language (`defaultLanguage` unless the call names
 * one), the session cookie (null: signed out).
 */
export function caller(t: Pick<TestApp, "app">, defaultLanguage = "en") {
  return (method: Method, url: string, cookie: string | null, payload?: object, language = defaultLanguage) =>
    t.app.inject({
      method,
      url,
      headers: { origin: TEST_ORIGIN, "accept-language": language, ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });
}

/** Where a request comes from: the client's address (the throttles count per address) and extra headers. */
export interface From {
  remoteAddress?: string;
  headers?: Record<string, string>;
}

/** A POST as a page sends it before anyone is signed in (sign-in, forgot and reset password). */
export function publicPost(t: Pick<TestApp, "app">, url: string, payload: object, from: From = {}) {
  return t.app.inject({
    method: "POST",
    url,
    remoteAddress: from.remoteAddress,
    headers: { origin: TEST_ORIGIN, ...from.headers },
    payload,
  });
}

/** One try at signing in, from the sign-in page. */
export function signInAttempt(t: Pick<TestApp, "app">, email: string, password: string, from: From = {}) {
  return publicPost(t, "/api/auth/sign-in", { email, password }, from);
}
