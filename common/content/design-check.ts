import en from "./en/design-check.json" with { type: "json" };
import fr from "./fr/design-check.json" with { type: "json" };
import nl from "./nl/design-check.json" with { type: "json" };
import { contentReader } from "./content.ts";

/** One rule's words: a message per variant (`default` when it has one) and its advice. */
export interface RuleTexts {
  /** `{{name}}` placeholders are filled from the rule's params. */
  messages: Record<string, string>;
  advice: string;
}

/** The design-check rules' words by rule id (`common/content/<locale>/design-check.json`). */
export const designCheckTexts = contentReader<Record<string, RuleTexts>>({ en, nl, fr });
