/** What other modules may use of this one; everything else in the folder is its own business. */
export { loadRules, runDesignCheck } from "./design-check.ts";
export { bankFacts } from "./bank-facts.ts";
export type { DesignFacts } from "./design-rule.ts";
