import type { Text } from "../evidence/index.ts";
import type { Layer, PhaseOfChange, Precondition } from "../../../common/culture-scan/model.ts";

export interface Intervention {
  id: string;
  layer: Layer;
  phases: PhaseOfChange[];
  name: Text;
  why: Text;
  /** Marked in the source as coming from scientific literature (the others: grey literature, work sessions). */
  fromLiterature: boolean;
}

const all: PhaseOfChange[] = ["unaware", "selecting", "acting", "applying", "continuous"];
const i = (
  id: string,
  layer: Layer,
  phases: PhaseOfChange[],
  en: string,
  nl: string,
  whyEn: string,
  whyNl: string,
  fromLiterature = false,
): Intervention => ({ id, layer, phases, name: { en, nl }, why: { en: whyEn, nl: whyNl }, fromLiterature });

/**
 * Interventions per layer and phase, summarised in our own words from the TNO quick scan on learning
 * culture (shared/seeds/003). The source places interventions on a chart; where the text does not pin
 * a phase down, the phases here are our reading of it.
 */
export const interventionCatalogue: Intervention[] = [
  i(
    "challenging-tasks",
    "tasks",
    all,
    "Challenging tasks and autonomy",
    "Uitdagende taken en autonomie",
    "Work itself is the main source of learning; a challenge can wake the wish to learn and keeps those already learning growing.",
    "Het werk zelf is de belangrijkste bron van leren; een uitdaging kan de leerwens wekken en houdt wie al leert in beweging.",
  ),
  i(
    "job-crafting",
    "tasks",
    ["selecting", "acting", "applying"],
    "Job crafting",
    "Job crafting",
    "People shape their own tasks towards what they want to learn.",
    "Mensen geven hun taken zelf vorm in de richting van wat ze willen leren.",
    true,
  ),
  i(
    "task-rotation",
    "tasks",
    ["unaware", "selecting"],
    "Task rotation and broadening",
    "Taakroulatie en taakverbreding",
    "New tasks show what there is still to learn.",
    "Nieuwe taken laten zien wat er nog te leren valt.",
  ),
  i(
    "reflect-on-work",
    "tasks",
    ["acting", "applying", "continuous"],
    "Reflect on what daily work teaches",
    "Stilstaan bij wat het dagelijks werk leert",
    "Naming what was learned makes people aware of their own development.",
    "Benoemen wat je leerde, maakt je bewust van je eigen ontwikkeling.",
  ),
  i(
    "buddy-system",
    "colleagues",
    ["selecting", "acting", "applying"],
    "Buddy system and mentoring",
    "Buddysysteem en mentorschap",
    "A colleague at your side gives support and direction while learning.",
    "Een collega naast je geeft steun en richting tijdens het leren.",
  ),
  i(
    "communities-of-practice",
    "colleagues",
    ["acting", "applying", "continuous"],
    "Communities of practice and support groups",
    "Communities of practice en steungroepen",
    "Learning together and sharing experience keeps learning going.",
    "Samen leren en ervaringen delen houdt het leren gaande.",
    true,
  ),
  i(
    "feedback-culture",
    "colleagues",
    ["acting", "applying"],
    "Constructive feedback between colleagues",
    "Constructieve feedback tussen collega's",
    "Feedback on real work shows what to improve next.",
    "Feedback op echt werk laat zien wat je hierna kunt verbeteren.",
  ),
  i(
    "celebrate-successes",
    "colleagues",
    ["unaware", "applying", "continuous"],
    "Appreciation and celebrating successes",
    "Waardering uitspreken en successen vieren",
    "Seeing that learning is valued makes it attractive to start and to keep going.",
    "Zien dat leren gewaardeerd wordt, maakt beginnen en volhouden aantrekkelijk.",
  ),
  i(
    "project-evaluations",
    "colleagues",
    ["applying", "continuous"],
    "Project evaluations",
    "Projectevaluaties",
    "Looking back together turns experience into lessons.",
    "Samen terugkijken maakt van ervaring een les.",
  ),
  i(
    "safe-to-fail",
    "colleagues",
    ["acting", "applying"],
    "A workplace where mistakes may be made",
    "Een werkplek waar fouten gemaakt mogen worden",
    "Trying something new needs room to get it wrong first.",
    "Iets nieuws proberen vraagt ruimte om het eerst fout te doen.",
    true,
  ),
  i(
    "development-conversations",
    "manager",
    ["unaware", "selecting"],
    "Development conversations",
    "Ontwikkel- en functioneringsgesprekken",
    "The manager helps people see their talents and what the future of their work asks.",
    "De leidinggevende helpt mensen hun talenten te zien en wat de toekomst van hun werk vraagt.",
    true,
  ),
  i(
    "personal-development-plan",
    "manager",
    ["selecting", "acting"],
    "Personal development plan",
    "Persoonlijk ontwikkelplan",
    "Turning a learning wish into a plan makes the first step concrete.",
    "Een leerwens omzetten in een plan maakt de eerste stap concreet.",
    true,
  ),
  i(
    "time-and-budget",
    "manager",
    ["selecting", "acting"],
    "Time and money for development",
    "Tijd en geld voor ontwikkeling",
    "Without time and budget, an intention stays an intention.",
    "Zonder tijd en budget blijft een voornemen een voornemen.",
    true,
  ),
  i(
    "safeguard-transfer",
    "manager",
    ["applying"],
    "Safeguarding training transfer",
    "Training transfer borgen",
    "The manager helps people use what they learned in daily work: plans, check-ins, room to practise.",
    "De leidinggevende helpt het geleerde in het dagelijks werk te gebruiken: plannen, gesprekken, ruimte om te oefenen.",
    true,
  ),
  i(
    "outside-contacts",
    "manager",
    ["continuous"],
    "Customer visits, suppliers and networks",
    "Klantbezoeken, leveranciers en netwerken",
    "Contact with the outside world keeps bringing new things to learn.",
    "Contact met de buitenwereld brengt steeds nieuwe dingen om te leren.",
  ),
  i(
    "development-leadership-training",
    "hr",
    ["selecting", "acting"],
    "Training managers in development-oriented leadership",
    "Leidinggevenden trainen in ontwikkelingsgericht leiderschap",
    "Managers are the strongest lever; they need the skills for it.",
    "Leidinggevenden zijn de sterkste hefboom; ze hebben er vaardigheden voor nodig.",
    true,
  ),
  i(
    "pdp-format",
    "hr",
    ["selecting"],
    "A personal development plan format for everyone",
    "Een format voor een persoonlijk ontwikkelplan voor iedereen",
    "A simple format lowers the threshold to start.",
    "Een eenvoudig format verlaagt de drempel om te beginnen.",
  ),
  i(
    "learning-offer",
    "hr",
    ["selecting", "acting"],
    "A learning offer and development funds",
    "Leeraanbod en opleidingsfondsen benutten",
    "People can only choose when there is something to choose from.",
    "Mensen kunnen alleen kiezen als er iets te kiezen valt.",
  ),
  i(
    "inform-about-change",
    "hr",
    ["unaware"],
    "Inform often about developments in and outside the organisation",
    "Vaak informeren over ontwikkelingen binnen en buiten de organisatie",
    "Knowing what is coming makes the need to learn visible.",
    "Weten wat er aankomt, maakt de noodzaak om te leren zichtbaar.",
  ),
  i(
    "measure-learning-returns",
    "hr",
    ["applying", "continuous"],
    "Make the returns of learning visible",
    "Opbrengsten van leren in kaart brengen",
    "Showing what learning brings sustains the investment.",
    "Laten zien wat leren oplevert, houdt de investering overeind.",
  ),
  i(
    "shared-vision",
    "management",
    ["unaware", "selecting"],
    "Draw up a vision on learning with all layers",
    "Met alle lagen een visie op leren opstellen",
    "A shared why gives direction to everything else.",
    "Een gedeeld waarom geeft richting aan al het andere.",
  ),
  i(
    "room-to-experiment",
    "management",
    ["applying", "continuous"],
    "Room to experiment and self-organisation",
    "Experimenteerruimte en zelforganisatie",
    "Applying new things needs room and trust from the top.",
    "Nieuwe dingen toepassen vraagt ruimte en vertrouwen van bovenaf.",
    true,
  ),
  i(
    "learning-as-kpi",
    "management",
    ["continuous"],
    "Learning and innovating as a goal of the organisation",
    "Leren en innoveren als doel van de organisatie",
    "What the organisation steers on, gets attention.",
    "Waar de organisatie op stuurt, krijgt aandacht.",
  ),
  i(
    "workfloor-knowledge",
    "environment",
    ["applying", "continuous"],
    "Use knowledge from the work floor when choosing new technology",
    "Kennis van de werkvloer gebruiken bij nieuwe technologie",
    "Involving people in change makes it a learning opportunity.",
    "Mensen betrekken bij verandering maakt er een leerkans van.",
  ),
  i(
    "internships",
    "environment",
    ["continuous"],
    "Offer internships and learn from newcomers",
    "Stageplekken aanbieden en leren van nieuwkomers",
    "New people bring new knowledge in.",
    "Nieuwe mensen brengen nieuwe kennis binnen.",
  ),
];

/** What to do about an unmet precondition (the source's four conditions for any intervention to work). */
export const preconditionActions: Record<Precondition, { name: Text; why: Text }> = {
  engagement: {
    name: {
      en: "Involve the work floor in choosing and designing interventions",
      nl: "Betrek de werkvloer bij het kiezen en ontwerpen van interventies",
    },
    why: {
      en: "No intervention succeeds without support on the work floor.",
      nl: "Geen enkele interventie slaagt zonder draagvlak op de werkvloer.",
    },
  },
  sharedVision: {
    name: {
      en: "Explain the why: a shared vision on learning",
      nl: "Leg het waarom uit: een gedeelde visie op leren",
    },
    why: { en: "People change when they understand why.", nl: "Mensen veranderen als ze begrijpen waarom." },
  },
  readiness: {
    name: {
      en: "Build readiness: small, visible first steps",
      nl: "Bouw bereidheid op: kleine, zichtbare eerste stappen",
    },
    why: {
      en: "Readiness for change makes the other interventions more likely to stick.",
      nl: "Bereidheid tot verandering vergroot de kans dat de andere interventies beklijven.",
    },
  },
  safetyAndWorkload: {
    name: {
      en: "Make it safe to speak up and keep workload in balance",
      nl: "Maak het veilig om iets te zeggen en houd de werkdruk in balans",
    },
    why: {
      en: "Learning needs psychological safety, and workload neither too high nor too low.",
      nl: "Leren vraagt psychologische veiligheid en een werkdruk die niet te hoog en niet te laag is.",
    },
  },
};
