import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { idempotencyKeys } from "../db/schema/index.ts";
import type { Tenant } from "../db/tenant.ts";
import { AppError, invalid } from "../errors.ts";

/**
 * Idempotency-Key for writes (draft-ietf-httpapi-idempotency-key-header). The web app sends one key per
 * form submission; a double click, a retry after a lost answer or two tabs sending the same submission
 * then make one record and one email. The first answer is stored for a day and replayed (with
 * `Idempotency-Replayed: true`); the same key with another request is refused (422); a repeat while the
 * first is still running waits for its answer.
 */

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEY_FORMAT = /^[\x21-\x7e]{8,255}$/;
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A first request that has not answered after this long died with its process; a repeat may take over. */
const ABANDONED_AFTER_MS = 60_000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 10_000;

type Claim = { kind: "first" } | { kind: "replay"; row: StoredAnswer } | { kind: "other-request" };
interface StoredAnswer {
  statusCode: number;
  contentType: string | null;
  body: string | null;
}

declare module "fastify" {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export function requestHash(request: FastifyRequest): string {
  const parts = [
    request.method,
    request.routeOptions.url,
    canonical(request.params),
    canonical(request.body),
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

const keyOf = (tenant: Tenant, personId: string, key: string) =>
  tenant.where(idempotencyKeys, eq(idempotencyKeys.personId, personId), eq(idempotencyKeys.key, key));

async function claim(tenant: Tenant, personId: string, key: string, hash: string, now: Date): Promise<Claim> {
  // The person's keys past their lifetime go first: the table holds about a day of writes per person.
  await tenant.db
    .delete(idempotencyKeys)
    .where(
      tenant.where(
        idempotencyKeys,
        eq(idempotencyKeys.personId, personId),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEY_LIFETIME_MS)),
      ),
    );
  const inserted = await tenant.db
    .insert(idempotencyKeys)
    .values(tenant.row({ personId, key, requestHash: hash, createdAt: now }))
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return { kind: "first" };
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    const [row] = await tenant.db
      .select()
      .from(idempotencyKeys)
      .where(keyOf(tenant, personId, key));
    if (!row) return claim(tenant, personId, key, hash, now);
    if (row.requestHash !== hash) return { kind: "other-request" };
    if (row.statusCode !== null)
      return {
        kind: "replay",
        row: { statusCode: row.statusCode, contentType: row.contentType, body: row.body },
      };
    if (now.getTime() - row.createdAt.getTime() > ABANDONED_AFTER_MS) {
      await tenant.db.delete(idempotencyKeys).where(keyOf(tenant, personId, key));
      return claim(tenant, personId, key, hash, now);
    }
    if (waited >= WAIT_LIMIT_MS) throw new AppError("IDEMPOTENCY_IN_PROGRESS");
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

function replay(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  reply.status(answer.statusCode).header("idempotency-replayed", "true");
  if (answer.contentType) reply.type(answer.contentType);
  return reply.send(answer.body ?? undefined);
}

export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest("idempotencyKey", null);

  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (key === undefined || !WRITE_METHODS.has(request.method) || !request.scope) return;
    if (typeof key !== "string" || !KEY_FORMAT.test(key)) throw invalid("idempotencyKey", "invalid_format");
    const { tenant, actor, now } = request.scope;
    const claimed = await claim(tenant, actor.personId, key, requestHash(request), now);
    if (claimed.kind === "other-request") throw new AppError("IDEMPOTENCY_KEY_REUSED");
    if (claimed.kind === "replay") return replay(reply, claimed.row);
    request.idempotencyKey = key;
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.scope) return payload;
    const { tenant, actor } = request.scope;
    request.idempotencyKey = null;
    // A server error may have changed nothing: free the key so the person can simply try again.
    if (reply.statusCode >= 500) {
      await tenant.db.delete(idempotencyKeys).where(keyOf(tenant, actor.personId, key));
      return payload;
    }
    await tenant.db
      .update(idempotencyKeys)
      .set({
        statusCode: reply.statusCode,
        contentType: String(reply.getHeader("content-type") ?? "") || null,
        // A secret shown once is not kept here either: a repeat gets the status without the body.
        body: typeof payload === "string" && !request.routeOptions.config?.answerHoldsSecret ? payload : null,
      })
      .where(keyOf(tenant, actor.personId, key));
    return payload;
  });
}
