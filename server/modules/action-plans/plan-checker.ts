import { contentLocale, type Locale } from "../../../common/locales.ts";
import type { Text } from "../evidence/index.ts";

/**
 * The if-then plan coach: small, rules-based and explainable. It flags a plan without a situation (the
 * "when"), an action that is vague ("be better at…"), negative ("not interrupt") or not observable, and
 * suggests how to sharpen it. Both languages' word lists are checked, whatever the screen language, as
 * people mix Dutch and English at work.
 */
export type PlanProblem =
  | "missing_situation"
  | "vague_situation"
  | "missing_action"
  | "vague_action"
  | "negative_action"
  | "long_action";

export interface PlanFinding {
  code: PlanProblem;
  severity: "high" | "medium";
  message: string;
  suggestion: string;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);

/** Situations that never arrive at a recognisable moment. */
const vagueSituation = [
  /\b(altijd|soms|af en toe|zo nodig|wanneer het kan|als het uitkomt|in het algemeen|vaker)\b/,
  /\b(always|sometimes|whenever possible|in general|from now on|when i can|if possible|more often)\b/,
];

/** Intentions rather than actions: nothing anyone could see you do. */
const vagueAction = [
  /\b(beter|meer|minder|proberen|probeer|verbeteren|bewuster|goed(e)? (zijn|worden)|mijn best|werken aan|letten op)\b/,
  /\b(better|more|less|try|trying|improve|be (more|better|nicer|clearer)|do my best|work on|focus on|pay attention)\b/,
];

const negativeAction = [
  /\b(niet|nooit|geen|stoppen met|ophouden met)\b/,
  /\b(not|never|don't|do not|stop|avoid)\b/,
];

const texts: Record<PlanProblem, { message: Text; suggestion: Text }> = {
  missing_situation: {
    message: {
      en: 'The plan has no situation: without a "when" the plan has nothing to start it.',
      nl: 'Het plan heeft geen situatie: zonder "als" is er niets dat het plan in gang zet.',
    },
    suggestion: {
      en: 'Describe the moment at work you will recognise: when, where or with whom, for example "When a customer calls about a late repair…".',
      nl: 'Beschrijf het moment op het werk dat je herkent: wanneer, waar of met wie, bijvoorbeeld "Als een klant belt over een late reparatie…".',
    },
  },
  vague_situation: {
    message: {
      en: "The situation is too general to recognise the moment when it comes.",
      nl: "De situatie is te algemeen om het moment te herkennen als het komt.",
    },
    suggestion: {
      en: "Name one concrete cue: a kind of call, a meeting, a task, a time of day.",
      nl: "Noem één concreet signaal: een soort telefoontje, een overleg, een klus, een tijdstip.",
    },
  },
  missing_action: {
    message: {
      en: "The plan says when, but not what you will do.",
      nl: "Het plan zegt wanneer, maar niet wat je dan doet.",
    },
    suggestion: {
      en: "Write the first thing you will say or do, in a few words.",
      nl: "Schrijf in een paar woorden op wat je als eerste zegt of doet.",
    },
  },
  vague_action: {
    message: {
      en: 'The action is an intention ("be better at…", "try to…"), not something others could see you do.',
      nl: 'De actie is een voornemen ("beter worden in…", "proberen…"), niet iets wat anderen je kunnen zien doen.',
    },
    suggestion: {
      en: 'Use a verb you can observe and say what exactly: "I first say that I understand the frustration".',
      nl: 'Gebruik een werkwoord dat je kunt zien en zeg wat precies: "Ik zeg eerst dat ik de frustratie begrijp".',
    },
  },
  negative_action: {
    message: {
      en: "The action says what you will not do; a plan works better with what you will do instead.",
      nl: "De actie zegt wat je niet doet; een plan werkt beter met wat je in plaats daarvan wél doet.",
    },
    suggestion: {
      en: 'Replace "I will not interrupt" with "I let the customer finish and then sum up what I heard".',
      nl: 'Vervang "Ik onderbreek niet" door "Ik laat de klant uitpraten en vat dan samen wat ik hoorde".',
    },
  },
  long_action: {
    message: {
      en: "The action is long; in the moment you will remember one step, not a list.",
      nl: "De actie is lang; op het moment zelf onthoud je één stap, geen lijstje.",
    },
    suggestion: {
      en: "Keep the first step (up to about 25 words) and make a second plan for the rest.",
      nl: "Houd de eerste stap (tot ongeveer 25 woorden) en maak voor de rest een tweede plan.",
    },
  },
};

const severity: Record<PlanProblem, PlanFinding["severity"]> = {
  missing_situation: "high",
  missing_action: "high",
  vague_situation: "medium",
  vague_action: "high",
  negative_action: "medium",
  long_action: "medium",
};

/** Strips the form's own lead-in ("When", "Als", "I will", "dan") so it does not count as content. */
function content(text: string, leadIns: RegExp): string {
  return text.trim().replace(leadIns, "").trim();
}

export function findPlanProblems(plan: { situation: string; action: string }): PlanProblem[] {
  const situation = content(plan.situation, /^(when|if|whenever|als|wanneer|zodra)\b[\s,]*/i).toLowerCase();
  const action = content(
    plan.action,
    /^((then\s+)?i\s+will|(dan\s+)?(ga\s+ik|zal\s+ik|doe\s+ik)|dan|then)\b[\s,]*/i,
  ).toLowerCase();
  const problems: PlanProblem[] = [];
  if (words(situation).length < 3) problems.push("missing_situation");
  else if (vagueSituation.some((pattern) => pattern.test(situation))) problems.push("vague_situation");
  if (words(action).length < 2) problems.push("missing_action");
  else {
    if (vagueAction.some((pattern) => pattern.test(action))) problems.push("vague_action");
    if (negativeAction.some((pattern) => pattern.test(action))) problems.push("negative_action");
    if (words(action).length > 30) problems.push("long_action");
  }
  return problems;
}

export function checkPlan(plan: { situation: string; action: string }, locale: Locale): PlanFinding[] {
  return findPlanProblems(plan).map((code) => ({
    code,
    severity: severity[code],
    message: texts[code].message[contentLocale(locale)],
    suggestion: texts[code].suggestion[contentLocale(locale)],
  }));
}
