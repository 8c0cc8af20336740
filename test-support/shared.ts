import { afterAll, beforeAll } from "vitest";
import { type SmtpPeer, startSmtpPeer } from "./smtp-peer.ts";

/**
 * Something costly that the tests of the enclosing `describe` (or file) share: opened in a beforeAll,
 * closed in an afterAll. The returned handle can be taken while tests are collected and reaches the
 * opened thing from the first hook on, so a suite reads `const t = useTestApp();` instead of a `let`,
 * a beforeAll and an afterAll of its own.
 */
export function shared<T extends object>(open: () => Promise<T>, close: (value: T) => Promise<void>): T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await open();
  });
  afterAll(async () => {
    if (current) await close(current);
    current = undefined;
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!current) throw new Error(`not open: reach ${String(key)} inside a hook or test`);
      const value: unknown = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

/** A real SMTP server on loopback for the tests of the enclosing `describe` (see `startSmtpPeer`). */
export function useSmtpPeer(): SmtpPeer {
  return shared(
    () => startSmtpPeer(),
    (peer) => peer.close(),
  );
}
