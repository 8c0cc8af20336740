import pino, { type Logger } from "pino";

/** Cookies, credentials and link tokens never reach a log line. */
const redact = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
];

export function createLogger(level: string): Logger {
  return pino({ level, redact });
}
