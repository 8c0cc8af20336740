import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

/**
 * The one gate every request's input passes before its route schema: text that PostgreSQL cannot store
 * (a NUL character) or that is not well-formed UTF-16 (a lone surrogate), and numbers so large that
 * arithmetic on them overflows (±1e308 turns into Infinity in a difference or a mean), are refused here
 * with a field-named, localised 400, before any service runs or any row is written. Route schemas then
 * say what each field may hold; this gate says what no field may ever hold.
 */

/** No figure Beklijf stores or computes with comes near this; beyond it sums and squares lose precision. */
export const LARGEST_NUMBER = 1e15;

type Problem = { field: string; code: "invalid_characters" | "number_out_of_range" };

function problemIn(value: unknown, depth = 0): Problem["code"] | null {
  if (typeof value === "string")
    return value.includes("\u0000") || !value.isWellFormed() ? "invalid_characters" : null;
  if (typeof value === "number")
    return Number.isFinite(value) && Math.abs(value) <= LARGEST_NUMBER ? null : "number_out_of_range";
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  const children = Array.isArray(value) ? value : Object.entries(value).flat();
  for (const child of children) {
    const found = problemIn(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Every offending top-level field of one part of the request (their names are what the user sees). */
export function findHostileInput(part: unknown): Problem[] {
  if (part === null || typeof part !== "object" || Buffer.isBuffer(part)) {
    const code = problemIn(part);
    return code ? [{ field: "body", code }] : [];
  }
  const problems: Problem[] = [];
  for (const [field, value] of Array.isArray(part) ? part.entries() : Object.entries(part)) {
    const code = problemIn(String(field)) ?? problemIn(value);
    if (code) problems.push({ field: String(field), code });
  }
  return problems;
}

export function rejectHostileInput(request: FastifyRequest): void {
  const problems = [request.params, request.query, request.body].flatMap(findHostileInput);
  if (problems.length) throw new AppError("VALIDATION_FAILED", "hostile input", {}, problems);
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => rejectHostileInput(request));
}
