import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../env.ts";
import { createTestDatabase } from "../../test-support/database.ts";
import { errorLogger, TEST_ORIGIN } from "../../test-support/app.ts";
import type { Database } from "../db/client.ts";
import { noJobs } from "../jobs/queue.ts";
import { buildApp } from "./app.ts";

const SCRIPT = `console.log(${JSON.stringify("Beklijf ".repeat(400))});`;
/** The start-up stylesheet, inlined by the build (`scripts/inline-stylesheet.ts`). */
const STYLE = `.boot-shell{background:#0b5d4b}${".app-header{color:#fff}".repeat(200)}`;
const PAGE = `<!doctype html><title>Beklijf</title><style>${STYLE}</style><div id="root"></div>`;

/** The built web app as `npm run build` leaves it: hashed files with their Brotli and gzip copies. */
function builtApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), PAGE);
  for (const name of ["assets/index-3f9a1c.js", "sw.js"]) {
    fs.writeFileSync(path.join(dir, name), SCRIPT);
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(SCRIPT));
  }
  return dir;
}

describe("the built web app's files", () => {
  let app: FastifyInstance;
  let database: Database;
  let webDist: string;

  beforeAll(async () => {
    webDist = builtApp();
    database = await createTestDatabase();
    const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), publicUrl: TEST_ORIGIN };
    app = await buildApp(
      { config, database, jobs: noJobs, mailer: null, clock: () => new Date() },
      { webDist, logger: errorLogger() },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: "GET", url, headers: encoding ? { "accept-encoding": encoding } : {} });

  it("sends the Brotli copy to a browser that takes it, kept for a year", async () => {
    const response = await get("/assets/index-3f9a1c.js", "br, gzip");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(response.headers.vary).toLowerCase()).toContain("accept-encoding");
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
    expect(response.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
  });

  it("sends gzip where Brotli is not accepted, and the plain file where nothing is", async () => {
    const gzip = await get("/assets/index-3f9a1c.js", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get("/assets/index-3f9a1c.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("has the compressed service worker checked on every load, like the plain one", async () => {
    const response = await get("/sw.js", "br");
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("answers a client-side route with the page, compressed, its inline stylesheet allowed by hash alone", async () => {
    const response = await get("/today", "gzip, br");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(PAGE);
    const hash = crypto.createHash("sha256").update(STYLE).digest("base64");
    const styleSrc = /style-src ([^;]+)/.exec(String(response.headers["content-security-policy"]))![1];
    expect(styleSrc).toBe(`'self' 'sha256-${hash}'`);
    const plain = await get("/practice", "br;q=0, gzip;q=0");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(PAGE);
  });
});
