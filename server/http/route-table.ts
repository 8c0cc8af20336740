import type { RateLimitOptions } from "@fastify/rate-limit";
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyPluginOptions,
  FastifyReply,
  FastifyRequest,
  FastifyTypeProvider,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { scopeOf } from "./scope.ts";

/**
 * A module's routes as a table: each route says only what is its own (method, address, summary,
 * schemas, status, access, the use case it calls); the Fastify options, the sign-in marking, the scope
 * and the status reply are written once, here.
 *
 *   export const cohortRoutes = defineRoutes(["cohorts"], [
 *     route.get("/api/cohorts/:cohortId", { summary: "One cohort", params: cohortParams, response: cohortDetail },
 *       (scope, { params }) => getCohort(scope, params)),
 *   ]);
 */

type App = Parameters<FastifyPluginAsyncZod>[0];
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Access = "public" | "signed-in";
type MaybeSchema = z.ZodType | undefined;

/**
 * What Fastify is given as the route's schema; the request's types are read back from it. A part the
 * route has no schema for is left out, not set to undefined (Fastify warns about those).
 */
interface RouteSchema<P extends MaybeSchema, Q extends MaybeSchema, B extends MaybeSchema> {
  tags: readonly string[];
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  response?: unknown;
}

/**
 * The request types Fastify derives from a table route's schemas: the zod output, as with
 * fastify-type-provider-zod. Its provider reads an optional schema (`P | undefined`) as `unknown`, so
 * this one looks through the `undefined`; a part the route has no schema for stays `unknown`. The
 * handler's input is typed through the same provider, which is how the validated request reaches it
 * typed without a cast. Answers are typed by the table itself (`Answer`).
 */
interface TableTypeProvider extends FastifyTypeProvider {
  validator: Validated<this["schema"]>;
  serializer: unknown;
}
type Validated<T> = [T] extends [undefined]
  ? unknown
  : NonNullable<T> extends z.ZodType
    ? z.output<NonNullable<T>>
    : unknown;

/** The request as Fastify types it after validating it with the route's schemas. */
type ValidatedRequest<S extends RouteSchema<MaybeSchema, MaybeSchema, MaybeSchema>> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  TableTypeProvider,
  ContextConfigDefault,
  FastifyBaseLogger
>;

/** A handler's input: the validated params, query string and body (each `unknown` where no schema). */
export type RouteInput<P extends MaybeSchema, Q extends MaybeSchema, B extends MaybeSchema> = Pick<
  ValidatedRequest<RouteSchema<P, Q, B>>,
  "params" | "query" | "body"
>;

/** What a handler returns: the response schema's shape, or anything where the route has none. */
type Answer<R extends MaybeSchema> = R extends z.ZodType ? z.output<R> : unknown;

/** Everything about a route except its method, address and handler. */
export interface RouteSpec<
  P extends MaybeSchema,
  Q extends MaybeSchema,
  B extends MaybeSchema,
  R extends MaybeSchema,
> {
  summary: string;
  /** The OpenAPI tags, where they differ from the module's. */
  tags?: readonly string[];
  params?: P;
  query?: Q;
  body?: B;
  /** The schema of the answer sent with `status`. */
  response?: R;
  /** The success status: 200 unless said; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  rateLimit?: RateLimitOptions;
  bodyLimit?: number;
  /** Runs before the body is read (to refuse an upload by its announced size). */
  onRequest?: (request: FastifyRequest) => Promise<void>;
  /** The answer holds a secret shown once: the idempotency store keeps its status, never its body. */
  answerHoldsSecret?: boolean;
  /** A session that still owes a second factor may call it (see `FastifyContextConfig`). */
  secondFactorStep?: "verify" | "enrol" | "any";
}

/**
 * A handler gets who asks (the signed-in scope, or for a public route the request itself), the
 * validated input, and the reply for the few routes that set cookies or headers themselves.
 */
export type RouteHandler<
  Who,
  P extends MaybeSchema,
  Q extends MaybeSchema,
  B extends MaybeSchema,
  R extends MaybeSchema,
> = (who: Who, input: RouteInput<P, Q, B>, reply: FastifyReply) => Answer<R> | Promise<Answer<R>>;

/** A route ready to be registered by `defineRoutes`. */
export interface RouteDefinition {
  register(app: App, moduleTags: readonly string[]): void;
}

/**
 * An answer with its own headers and no response schema: a download, a file shown inline, a feed.
 * The headers are set only once the body is ready, so an error answer never carries them.
 */
export class AnswerWithHeaders {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;

  constructor(headers: Readonly<Record<string, string>>, body: unknown) {
    this.headers = headers;
    this.body = body;
  }
}

export const withHeaders = (headers: Readonly<Record<string, string>>, body: unknown): AnswerWithHeaders =>
  new AnswerWithHeaders(headers, body);

/** Headers that make the browser save the answer as `filename` (of `type`, else Fastify's JSON). */
export function attachment(filename: string, type?: string): Record<string, string> {
  return {
    ...(type && { "content-type": type }),
    "content-disposition": `attachment; filename="${filename}"`,
  };
}

function routeBuilder<Who>(access: Access, whoOf: (request: FastifyRequest) => Who) {
  const method =
    (name: Method) =>
    <
      P extends MaybeSchema = undefined,
      Q extends MaybeSchema = undefined,
      B extends MaybeSchema = undefined,
      R extends MaybeSchema = undefined,
    >(
      url: string,
      spec: RouteSpec<P, Q, B, R>,
      handler: RouteHandler<Who, P, Q, B, R>,
    ): RouteDefinition => ({
      register(app, moduleTags) {
        const status = spec.status ?? 200;
        app
          .withTypeProvider<TableTypeProvider>()
          .route<RouteGenericInterface, ContextConfigDefault, RouteSchema<P, Q, B>>({
            method: name,
            url,
            schema: {
              tags: spec.tags ?? moduleTags,
              summary: spec.summary,
              ...(spec.params && { params: spec.params }),
              ...(spec.query && { querystring: spec.query }),
              ...(spec.body && { body: spec.body }),
              ...(spec.response && { response: { [status]: spec.response } }),
            },
            config: {
              access,
              ...(spec.rateLimit && { rateLimit: spec.rateLimit }),
              ...(spec.answerHoldsSecret && { answerHoldsSecret: true }),
              ...(spec.secondFactorStep && { secondFactorStep: spec.secondFactorStep }),
            },
            ...(spec.bodyLimit !== undefined && { bodyLimit: spec.bodyLimit }),
            ...(spec.onRequest && { onRequest: spec.onRequest }),
            handler: async (request, reply) => {
              const { params, query, body } = request;
              const answer = await handler(whoOf(request), { params, query, body }, reply);
              if (answer instanceof AnswerWithHeaders) return reply.headers(answer.headers).send(answer.body);
              if (status === 204) return reply.status(204).send();
              // 200 is Fastify's default: the answer is returned as a plain handler returns it.
              return status === 200 ? answer : reply.status(status).send(answer);
            },
          });
      },
    });
  return {
    get: method("GET"),
    post: method("POST"),
    put: method("PUT"),
    patch: method("PATCH"),
    delete: method("DELETE"),
  };
}

/** Routes for a signed-in person: the central check refuses everyone else; the handler gets the scope. */
export const route = routeBuilder("signed-in", scopeOf);

/** Routes anyone may call (no tenant data): the handler gets the request, for its locale or address. */
export const publicRoute = routeBuilder("public", (request) => request);

/**
 * A module's routes as one Fastify plugin. The routes are a list, or made from the plugin's options
 * (the dependencies the module is given) when they need them.
 */
export function defineRoutes<Deps extends FastifyPluginOptions = Record<never, never>>(
  tags: readonly string[],
  routes: readonly RouteDefinition[] | ((deps: Deps, app: App) => readonly RouteDefinition[]),
): FastifyPluginAsyncZod<Deps> {
  return async (app, deps) => {
    for (const definition of typeof routes === "function" ? routes(deps, app) : routes)
      definition.register(app, tags);
  };
}
