/**
 * The learning-culture questionnaire: our own items (no DLOQ or LTSI text), in Dutch and English.
 * NOT a validated instrument; the results screen says so. Staging questions are stored as raw answers
 * and the phase is derived from them (server/modules/culture-scan/staging.ts).
 */
export const QUESTIONNAIRE_VERSION = 1;

type Text = { en: string; nl: string };
export interface ChoiceItem {
  id: string;
  kind: "choice";
  text: Text;
  options: { value: string; text: Text }[];
}
export interface ScaleItem {
  id: string;
  kind: "scale";
  text: Text;
}
export interface OpenItem {
  id: string;
  kind: "open";
  text: Text;
}
export type Item = ChoiceItem | ScaleItem | OpenItem;
export interface Section {
  id: string;
  title: Text;
  items: Item[];
}

const yesNo = [
  { value: "yes", text: { en: "Yes", nl: "Ja" } },
  { value: "no", text: { en: "No", nl: "Nee" } },
];

/** Five labelled points, the same for every scale item. */
export const scaleLabels: Text[] = [
  { en: "Not at all", nl: "Helemaal niet" },
  { en: "A little", nl: "Een beetje" },
  { en: "Somewhat", nl: "Redelijk" },
  { en: "Much", nl: "Veel" },
  { en: "Very much", nl: "Heel veel" },
];

const support = (id: string, en: string, nl: string): ScaleItem => ({ id, kind: "scale", text: { en, nl } });

export const sections: Section[] = [
  {
    id: "you",
    title: { en: "You and learning", nl: "Jij en leren" },
    items: [
      {
        id: "learningNow",
        kind: "choice",
        text: {
          en: "Are you learning something new for your work right now (a course, a new way of working)?",
          nl: "Leer je op dit moment iets nieuws voor je werk (een cursus, een nieuwe manier van werken)?",
        },
        options: yesNo,
      },
      {
        id: "intention",
        kind: "choice",
        text: {
          en: "If not: when do you plan to start learning something new for your work?",
          nl: "Zo niet: wanneer ben je van plan iets nieuws voor je werk te gaan leren?",
        },
        options: [
          {
            value: "none",
            text: { en: "No plans for the coming six months", nl: "Geen plannen voor het komende halfjaar" },
          },
          { value: "within-6-months", text: { en: "Within six months", nl: "Binnen zes maanden" } },
          {
            value: "within-30-days",
            text: {
              en: "Within a month, or I have already chosen a first step",
              nl: "Binnen een maand, of ik heb al een eerste stap gekozen",
            },
          },
        ],
      },
      {
        id: "monthsSinceStart",
        kind: "choice",
        text: {
          en: "When did you start with the last new thing you learned for your work?",
          nl: "Wanneer begon je met het laatste nieuwe dat je voor je werk leerde?",
        },
        options: [
          {
            value: "never",
            text: { en: "I have not started anything like that", nl: "Ik ben nog nergens zo mee begonnen" },
          },
          { value: "2", text: { en: "Less than six months ago", nl: "Minder dan zes maanden geleden" } },
          { value: "9", text: { en: "Six to twelve months ago", nl: "Zes tot twaalf maanden geleden" } },
          { value: "18", text: { en: "More than a year ago", nl: "Meer dan een jaar geleden" } },
        ],
      },
      {
        id: "applyingAtWork",
        kind: "choice",
        text: {
          en: "Do you use what you learned in your daily work?",
          nl: "Gebruik je wat je leerde in je dagelijkse werk?",
        },
        options: yesNo,
      },
      {
        id: "choosesNewLearning",
        kind: "choice",
        text: {
          en: "When you have learned something, do you choose something new to learn next?",
          nl: "Als je iets geleerd hebt, kies je daarna iets nieuws om te leren?",
        },
        options: yesNo,
      },
    ],
  },
  {
    id: "layers",
    title: { en: "Who helps you learn?", nl: "Wie helpt je bij leren?" },
    items: [
      support(
        "tasks",
        "How much does your work itself (tasks, challenge, freedom) help you learn?",
        "Hoeveel helpt je werk zelf (taken, uitdaging, vrijheid) je om te leren?",
      ),
      support(
        "colleagues",
        "How much do your colleagues help you learn?",
        "Hoeveel helpen je collega's je om te leren?",
      ),
      support(
        "manager",
        "How much does your direct manager help you learn?",
        "Hoeveel helpt je directe leidinggevende je om te leren?",
      ),
      support(
        "hr",
        "How much does HR (or whoever looks after staff) help you learn?",
        "Hoeveel helpt HR (of wie voor het personeel zorgt) je om te leren?",
      ),
      support(
        "management",
        "How much does top management make room for learning?",
        "Hoeveel ruimte maakt de directie voor leren?",
      ),
      support(
        "environment",
        "How much do customers, suppliers and other contacts outside help you learn?",
        "Hoeveel helpen klanten, leveranciers en andere contacten buiten je om te leren?",
      ),
    ],
  },
  {
    id: "conditions",
    title: { en: "Conditions at work", nl: "Omstandigheden op het werk" },
    items: [
      support(
        "engagement",
        "How much are people on the work floor involved in decisions about learning?",
        "Hoeveel worden mensen op de werkvloer betrokken bij beslissingen over leren?",
      ),
      support(
        "sharedVision",
        "How clear is it to you why learning matters here?",
        "Hoe duidelijk is het jou waarom leren hier belangrijk is?",
      ),
      support(
        "readiness",
        "How ready are you and your colleagues to try new ways of working?",
        "Hoe klaar zijn jij en je collega's om nieuwe manieren van werken te proberen?",
      ),
      support(
        "safety",
        "How safe is it in your team to make a mistake or ask a question?",
        "Hoe veilig is het in je team om een fout te maken of een vraag te stellen?",
      ),
      support(
        "workload",
        "How much room does your workload leave for learning?",
        "Hoeveel ruimte laat je werkdruk voor leren?",
      ),
    ],
  },
  {
    id: "words",
    title: { en: "In your own words", nl: "In je eigen woorden" },
    items: [
      {
        id: "comment",
        kind: "open",
        text: {
          en: "What would help you most to learn at work? (optional)",
          nl: "Wat zou je het meest helpen om op je werk te leren? (niet verplicht)",
        },
      },
    ],
  },
];

export const allItems: Item[] = sections.flatMap((s) => s.items);
/** Questions that must be answered before a response counts. */
export const requiredItems = allItems.filter((item) => item.kind !== "open" && item.id !== "intention");

/**
 * The first required question still open, with where it is: the step (section index) and its number
 * within that step, so a form can take the respondent straight to it. Null when all are answered.
 */
export function firstUnanswered(
  answers: Readonly<Record<string, unknown>>,
): { step: number; number: number; item: Item; count: number } | null {
  const open = requiredItems.filter((item) => answers[item.id] === undefined || answers[item.id] === "");
  const first = open[0];
  if (!first) return null;
  const step = sections.findIndex((section) => section.items.includes(first));
  return { step, number: sections[step]!.items.indexOf(first) + 1, item: first, count: open.length };
}
