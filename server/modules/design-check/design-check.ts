import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fillPlaceholders as fill } from "../../../common/content/content.ts";
import { designCheckTexts } from "../../../common/content/design-check.ts";
import type { Locale } from "../../../common/locales.ts";
import type {
  DesignCheckResult,
  Severity,
  TrajectoryDocument,
} from "../../../common/schemas/trajectories.ts";
import { findEvidence } from "../evidence/index.ts";
import { presentEvidence } from "../evidence/index.ts";
import type { DesignFacts, DesignRule, RuleHit } from "./design-rule.ts";
import { asDesigned } from "./analysis.ts";

/**
 * The share of the transfer score each finding takes away. Findings multiply rather than add, so the
 * score never sticks at 0: an empty design still rises with every lever that is added, while one
 * missing key lever (high) still costs a fifth.
 */
export const severityWeight: Record<Severity, number> = { high: 0.2, medium: 0.1, low: 0.04 };
const severityOrder: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface RuleFinding {
  rule: DesignRule;
  hit: RuleHit;
}

let loaded: Promise<DesignRule[]> | undefined;

/** Every rule in rules/*.rule.ts, in file-name order. Adding a rule is adding a file there. */
export function loadRules(): Promise<DesignRule[]> {
  loaded ??= (async () => {
    const folder = path.join(import.meta.dirname, "rules");
    const files = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith(".rule.ts"))
      .sort();
    const modules = await Promise.all(
      files.map((file) => import(pathToFileURL(path.join(folder, file)).href)),
    );
    return modules.map((module) => (module as { default: DesignRule }).default);
  })();
  return loaded;
}

/** Runs the rules on a trajectory. Pure: the same document always gives the same result. */
export function runDesignCheck(
  document: TrajectoryDocument,
  rules: DesignRule[],
  facts: DesignFacts = {},
): { score: number; findings: RuleFinding[] } {
  const judged = asDesigned(document);
  const findings = rules
    .map((rule) => ({ rule, hit: rule.check(judged, facts) }))
    .filter((finding): finding is RuleFinding => finding.hit !== null)
    .sort((a, b) => severityOrder[a.hit.severity] - severityOrder[b.hit.severity]);
  const kept = findings.reduce((share, f) => share * (1 - severityWeight[f.hit.severity]), 1);
  return { score: Math.round(100 * kept), findings };
}

/** Findings in the reader's language, each with its evidence opened in place. */
export function presentDesignCheck(
  result: { score: number; findings: RuleFinding[] },
  locale: Locale,
): DesignCheckResult {
  const texts = designCheckTexts(locale);
  return {
    score: result.score,
    findings: result.findings.map(({ rule, hit }) => {
      const words = texts[rule.id];
      if (!words) throw new TypeError(`No texts for design rule "${rule.id}" in ${locale}`);
      const message = words.messages[hit.variant ?? "default"] ?? Object.values(words.messages)[0]!;
      return {
        rule: rule.id,
        severity: hit.severity,
        message: fill(message, hit.params),
        advice: fill(words.advice, hit.params),
        evidence: rule.evidence
          .map(findEvidence)
          .filter((entry) => entry !== undefined)
          .map((entry) => presentEvidence(entry, locale)),
      };
    }),
  };
}

export async function checkDesign(
  document: TrajectoryDocument,
  locale: Locale,
  facts: DesignFacts = {},
): Promise<DesignCheckResult> {
  return presentDesignCheck(runDesignCheck(document, await loadRules(), facts), locale);
}
