import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../test-support/app.ts";
import { buildLearner, buildOrganisation } from "../../test-support/factories.ts";
import { createLogger } from "../logger.ts";

/** What Beklijf writes to its log, read back: no link token, no statement parameters, no personal data. */
function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger("info", stream), text: () => lines.join("") };
}

describe("logs", () => {
  const log = memoryLog();
  const t = useTestApp({ logger: log.logger });

  beforeAll(async () => {
    const organisation = await buildOrganisation(t.database.db);
    await buildLearner(t.database.db, organisation.id, { email: "sanne.log@example.test" });
  });

  it("never hold a calendar feed's secret address", async () => {
    const cookie = await t.signIn("sanne.log@example.test");
    const { url } = (await caller(t)("GET", "/api/me/calendar-feed", cookie)).json<{ url: string }>();
    const token = url.split("/").pop()!.replace(".ics", "");
    const feed = await t.app.inject({ method: "GET", url: url.slice(TEST_ORIGIN.length) });
    expect(feed.statusCode).toBe(200);
    expect(log.text()).toContain("/api/calendar-feeds/[secret]");
    expect(log.text()).not.toContain(token);
  });

  it("describe a failed statement without its parameters or the values PostgreSQL quotes", async () => {
    const failure = await t.database.db
      .execute(sql`select ${"sanne.private@example.test"}::uuid`)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    log.logger.error({ err: failure }, "unhandled error");
    const written = log.text();
    expect(written).toContain("unhandled error");
    expect(written).toContain("::uuid");
    expect(written).not.toContain("sanne.private");
  });
});
