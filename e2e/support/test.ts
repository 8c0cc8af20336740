import { expect, test as base } from "@playwright/test";

/**
 * Every journey fails on an uncaught error in the page or an unexpected console error. The browser's
 * own "Failed to load resource" lines for 4xx answers are expected: forms show those errors to people.
 */
export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
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
