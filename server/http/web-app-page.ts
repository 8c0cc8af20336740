import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The web app's one page (index.html), as every client-side route answers it, compressed once. */
export interface WebAppPage {
  html: string;
  br: Buffer;
  gzip: Buffer;
  /** CSP sources for the page's own `<style>` elements (the inlined start-up stylesheet). */
  styleHashes: string[];
}

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/** Reads the built index.html; a missing build is an error that says what to run. */
export function readWebAppPage(webDist: string): WebAppPage {
  const file = path.join(webDist, "index.html");
  if (!fs.existsSync(file))
    throw new Error(`The web app is not built: ${file} is missing. Run npm run build.`);
  const html = fs.readFileSync(file, "utf8");
  return {
    html,
    br: zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: zlib.gzipSync(html, { level: zlib.constants.Z_BEST_COMPRESSION }),
    styleHashes: inlineStyleHashes(html),
  };
}

/**
 * The Content Security Policy hash of each `<style>` element, so exactly the build's own inline styles
 * are allowed and `'unsafe-inline'` never is. The build puts the start-up stylesheet there
 * (`scripts/inline-stylesheet.ts`), so the first paint waits for no other file.
 */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(STYLE_ELEMENT)].map(
    ([, css]) => `'sha256-${crypto.createHash("sha256").update(css!, "utf8").digest("base64")}'`,
  );
}

/** Sends the page, Brotli or gzip when the browser takes it (the page's stylesheet makes it ~25 KiB). */
export function sendWebAppPage(request: FastifyRequest, reply: FastifyReply, page: WebAppPage): FastifyReply {
  reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding");
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  if (encoding === "identity") return reply.send(page.html);
  return reply.header("content-encoding", encoding).send(encoding === "br" ? page.br : page.gzip);
}

/** Brotli, else gzip, else none, as the Accept-Encoding header allows (`q=0` refuses). */
export function preferredEncoding(header: string | string[] | undefined): "br" | "gzip" | "identity" {
  const accepted = new Set(
    String(header ?? "")
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, ...params]) => !params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param)))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return "identity";
}
