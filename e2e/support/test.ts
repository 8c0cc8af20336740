import { expect, test as base } from "@playwright/test";

/**
 * Every journey fails on an uncaught error in the page or an unexpected console error. The browser's
 * own "Failed to load resource" lines for 4xx answers are expected: forms show those errors to people.
 * So is Chromium's notice that a script was blocked in a sandboxed `srcdoc` frame: the one such frame
 * is the digest preview's email, which holds no script (`digest-preview.int.test.ts` checks), so the
 * blocked script is the test tooling's own, injected now and then while the frame loads.
 */
const expected = (text: string) =>
  text.startsWith("Failed to load resource") ||
  text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed");

export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !expected(message.text())) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
