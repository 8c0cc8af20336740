import path from "node:path";
import { z } from "zod";

/**
 * Configuration, parsed once. This is the only module that reads process.env.
 *
 * - `PORT` (3000), `HOST` (127.0.0.1): where the HTTP server listens.
 * - `PUBLIC_URL`: the origin people reach Beklijf at; used in email links and the CSRF origin check.
 * - `DATABASE_URL`: a PostgreSQL server (`postgres://…`). Unset: embedded PGlite in `DATA_DIR`.
 * - `DATA_DIR` (`.data`): the embedded database folder (locked against a second process).
 * - `SMTP_URL`: e.g. `smtp://user:pass@mail.example.nl:587`. Unset: mail stays in the outbox and the
 *   development mailbox shows it.
 * - `MAIL_FROM`: sender address.
 * - `JOBS_MODE`: `inline` (worker in the web process, default) or `off` (run `npm run worker` apart).
 * - `DEMO_SEED`: `true` (default with PGlite) creates the demo organisation once.
 * - `LOG_LEVEL`: pino level.
 * - `COOKIE_SECURE`: `true` when served over HTTPS (default: derived from PUBLIC_URL).
 * - `TRUST_PROXY`: unset or `false` (default) when clients connect directly; `true`, a hop count or a
 *   comma-separated list of proxy addresses behind a reverse proxy. Trusting X-Forwarded-For from
 *   anyone would let a client pick its own IP and slip past the sign-in throttle.
 * - `CONTENT_URL`: the separate, cookieless origin that serves uploaded SCORM/cmi5 packages (untrusted
 *   HTML and JavaScript), e.g. `https://content.beklijf.example`. The same server answers it by host
 *   name. Default on a laptop: `PUBLIC_URL` with `localhost` and `127.0.0.1` swapped (another origin,
 *   the same port, and the app's cookies are never sent to it). Unset on another host: packages are
 *   kept but not played. It may not equal PUBLIC_URL's origin (decision 0022).
 * - `SECRETS_KEY`: 32 random bytes in base64 (`openssl rand -base64 32`) that seal stored secrets such as
 *   an organisation's single sign-on client secret. Unset: a key made on first use and kept in the
 *   database (fine for development; set it in production so a database backup alone reveals no secret).
 * - `BACKUP_DIR`: where the nightly backup (02:30 UTC) and the backup before an upgrade go. Default with
 *   PGlite: `<DATA_DIR>-backups`; with PostgreSQL unset means no nightly backup (decision 0029).
 * - `BACKUP_KEEP` (7): how many nightly backups to keep.
 * - `BACKUP_DATABASE_URL`: the PostgreSQL server directly, for pg_dump/pg_restore and the backup before
 *   an upgrade, when `DATABASE_URL` points at PgBouncer. Default: `DATABASE_URL`.
 * - `MIGRATE_WITHOUT_BACKUP`: `true` lets a PostgreSQL install migrate when it cannot back up first.
 * - `WEB_DIST`: the built web app (default `dist/web`).
 * - `METRICS_TOKEN`: serves Prometheus metrics at `/metrics` to `Authorization: Bearer <token>`; unset:
 *   no metrics (decision 0030).
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Beklijf <noreply@beklijf.local>"),
  JOBS_MODE: z.enum(["inline", "off"]).default("inline"),
  DEMO_SEED: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\d.:a-fA-F/]+(,[\d.:a-fA-F/]+)*)$/,
      "true, false, a hop count or proxy addresses",
    )
    .optional(),
  CONTENT_URL: z.url().optional(),
  SECRETS_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes in base64")
    .optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  BACKUP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  MIGRATE_WITHOUT_BACKUP: z.enum(["true", "false"]).default("false"),
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  WEB_DIST: z.string().min(1).optional(),
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  smtpUrl: string | undefined;
  mailFrom: string;
  jobsMode: "inline" | "off";
  seedDemo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  /** Fastify's trustProxy: false, true, proxy addresses, or a function that trusts the first n hops. */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  webDist: string;
  /** The content origin for packages (no trailing slash), or null when none is configured. */
  contentOrigin: string | null;
  /** The key that seals stored secrets (`SECRETS_KEY`); null: the installation's own key in the database. */
  secretsKey: Buffer | null;
  backup: BackupConfig;
  /** The bearer token for `/metrics`; null: metrics are off. */
  metricsToken: string | null;
}

export interface BackupConfig {
  /** Where nightly backups and backups before an upgrade go; null: none (PostgreSQL without BACKUP_DIR). */
  dir: string | null;
  keep: number;
  /** The server itself for pg_dump/pg_restore (PostgreSQL only). */
  databaseUrl: string | null;
  migrateWithoutBackup: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const database = env.DATABASE_URL
    ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: path.resolve(env.DATA_DIR) } as const);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    database,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    jobsMode: env.JOBS_MODE,
    seedDemo: env.DEMO_SEED ? env.DEMO_SEED === "true" : database.kind === "pglite",
    logLevel: env.LOG_LEVEL,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : publicUrl.startsWith("https://"),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webDist: path.resolve(env.WEB_DIST ?? path.join(import.meta.dirname, "../dist/web")),
    contentOrigin: contentOriginOf(env.CONTENT_URL, publicUrl),
    secretsKey: env.SECRETS_KEY ? Buffer.from(env.SECRETS_KEY, "base64") : null,
    backup: {
      dir: backupDirOf(env.BACKUP_DIR, database),
      keep: env.BACKUP_KEEP,
      databaseUrl: database.kind === "postgres" ? (env.BACKUP_DATABASE_URL ?? database.url) : null,
      migrateWithoutBackup: env.MIGRATE_WITHOUT_BACKUP === "true",
    },
    metricsToken: env.METRICS_TOKEN ?? null,
  };
}

/** An embedded database always has somewhere to put its backups: beside its data folder by default. */
function backupDirOf(configured: string | undefined, database: Config["database"]): string | null {
  if (configured) return path.resolve(configured);
  return database.kind === "pglite" ? `${database.dataDir}-backups` : null;
}

/** The package content origin: configured, or on a laptop the app's address with the other loopback name. */
function contentOriginOf(configured: string | undefined, publicUrl: string): string | null {
  const app = new URL(publicUrl);
  if (configured) {
    const origin = new URL(configured).origin;
    if (origin === app.origin) throw new ConfigError("CONTENT_URL must be another origin than PUBLIC_URL");
    return origin;
  }
  const other = { localhost: "127.0.0.1", "127.0.0.1": "localhost" }[app.hostname];
  if (!other) return null;
  const content = new URL(app.origin);
  content.hostname = other;
  return content.origin;
}

function parseTrustProxy(value: string | undefined): Config["trustProxy"] {
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value.split(",").map((address) => address.trim());
}
