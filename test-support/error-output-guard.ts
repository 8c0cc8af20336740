import { format } from "node:util";
import { afterAll, afterEach, beforeEach, expect } from "vitest";

/**
 * Vitest setup file (vitest.config.ts, every project): a test fails when something it runs writes
 * `console.error` or `console.warn`, or when the app it drives logs at error level or above (the test
 * app's logger reports here, see test-support/app.ts). The browser journeys already fail on an
 * unexpected console error (e2e/support/test.ts); an error nobody asked for is a fault, not noise.
 *
 * A test that provokes such output on purpose says so with `expectErrorOutput`; the output is then
 * kept quiet, and the test fails if it never came.
 */

export type ErrorOutputSource = "console.error" | "console.warn" | "log";

interface Expectation {
  source: ErrorOutputSource;
  pattern: RegExp;
  seen: number;
}

let unexpected: string[] = [];
let expectations: Expectation[] = [];

/**
 * The current test writes output of `source` matching `pattern` (one or more times) on purpose: that
 * output does not fail it, and the test fails when none came. `log` means the app's own error log.
 */
export function expectErrorOutput(source: ErrorOutputSource, pattern: RegExp): void {
  expectations.push({ source, pattern, seen: 0 });
}

/** Records one piece of error output; the test app's logger calls this for every line at error level. */
export function reportErrorOutput(source: ErrorOutputSource, text: string): "expected" | "unexpected" {
  const expectation = expectations.find((e) => e.source === source && e.pattern.test(text));
  if (expectation) {
    expectation.seen++;
    return "expected";
  }
  unexpected.push(`${source}: ${text}`);
  return "unexpected";
}

for (const level of ["error", "warn"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    // Unexpected output is still printed, so the failure shows where it came from.
    if (reportErrorOutput(`console.${level}`, format(...args)) === "unexpected") original(...args);
  };
}

/** Empties the record and says what went wrong, if anything. */
function takeProblems(): string[] {
  const missing = expectations
    .filter((e) => e.seen === 0)
    .map((e) => `expected ${e.source} matching ${e.pattern}, but none came`);
  const problems = [...unexpected, ...missing];
  unexpected = [];
  expectations = [];
  return problems;
}

// Output from a beforeAll hook (building an app, seeding) belongs to no single test: the first test
// after it fails, saying so; output from afterAll hooks (closing an app) fails the file.
beforeEach(() => {
  expect(takeProblems(), "error output before this test, in a beforeAll hook").toEqual([]);
});
afterEach(() => {
  expect(takeProblems(), "error output during the test").toEqual([]);
});
afterAll(() => {
  expect(takeProblems(), "error output in an afterAll hook").toEqual([]);
});
