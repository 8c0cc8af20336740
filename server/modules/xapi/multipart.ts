import { invalid } from "./xapi-errors.ts";

/**
 * multipart/mixed as xAPI uses it (RFC 2046): the statements first as application/json, then one
 * part per attachment with `X-Experience-API-Hash` and `Content-Transfer-Encoding: binary`. Bytes are
 * kept as bytes: attachments are binary, so this is no text parser.
 */

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw invalid("multipart/mixed needs a boundary");
  return boundary;
}

function headersOf(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw invalid("the multipart body has no parts");
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") break;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), afterDelimiter);
    if (next < 0) throw invalid("the multipart body is not closed");
    const part = body.subarray(afterDelimiter, next);
    const start = part.indexOf("\r\n") === 0 ? 2 : 0;
    const split = part.indexOf("\r\n\r\n", start);
    if (split < 0) throw invalid("a part has no headers");
    parts.push({
      headers: headersOf(part.subarray(start, split).toString("utf8")),
      body: part.subarray(split + 4),
    });
    at = next + 2;
  }
  return parts;
}

/** Builds a multipart/mixed answer: the JSON first, then each attachment. */
export function buildMultipart(
  json: unknown,
  attachments: readonly { sha2: string; contentType: string; content: Buffer }[],
) {
  const boundary = `xapi-${crypto.randomUUID()}`;
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`),
  ];
  for (const a of attachments)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`,
      ),
      a.content,
      Buffer.from("\r\n"),
    );
  chunks.push(Buffer.from(`--${boundary}--`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
