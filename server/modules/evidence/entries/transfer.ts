import {
  blume2010,
  type EvidenceEntry,
  metaAnalysis,
  text,
  thalheimer2020,
  workplace,
} from "../evidence-types.ts";

/** Transfer, action plans and practice. */
export const transferEvidence: EvidenceEntry[] = [
  {
    id: "thalheimer-triggered-action-planning",
    topic: "action-plans",
    claim: text(
      "Action plans that name the situation that triggers the action lead to more application than goals alone.",
      "Actieplannen die de situatie noemen die de actie uitlokt, leiden tot meer toepassing dan alleen doelen.",
    ),
    figure: null,
    ...thalheimer2020,
    population: text(
      "Workplace learning, several study types",
      "Leren op het werk, verschillende soorten studies",
    ),
    outcome: text("Application at work (transfer)", "Toepassing op het werk (transfer)"),
    caveats: [
      text("Read in secondary summaries of the report.", "Gelezen in samenvattingen van het rapport."),
    ],
  },
  {
    id: "gollwitzer-sheeran-2006",
    topic: "action-plans",
    claim: text(
      "If-then plans (implementation intentions) help people start on a goal, shield it from distraction and reach it.",
      "Als-dan-plannen (implementatie-intenties) helpen mensen een doel op te pakken, het te beschermen tegen afleiding en het te bereiken.",
    ),
    figure: text("d = 0.65 (94 independent tests)", "d = 0,65 (94 onafhankelijke toetsen)"),
    source:
      "Gollwitzer, P. M., & Sheeran, P. (2006). Implementation intentions and goal achievement: A meta-analysis of effects and processes. Advances in Experimental Social Psychology, 38.",
    design: metaAnalysis,
    population: text("Mixed, mostly outside the workplace", "Gemengd, vooral buiten de werkplek"),
    outcome: text("Goal attainment", "Doelbereik"),
    verification: "V-P",
    caveats: [
      text(
        "Goal attainment, not training transfer as such.",
        "Doelbereik, niet opleidingstransfer als zodanig.",
      ),
    ],
  },
  {
    id: "blume-2010-goal-setting",
    topic: "action-plans",
    claim: text(
      "Setting goals after training, without triggers, showed no reliable relation with transfer.",
      "Na de opleiding doelen stellen, zonder triggers, hing niet betrouwbaar samen met transfer.",
    ),
    figure: text("ρ = .08, n.s. (k = 6, N = 378)", "ρ = 0,08, n.s. (k = 6, N = 378)"),
    ...blume2010,
    caveats: [
      text(
        "From a secondary transcription of the tables; few studies.",
        "Uit een overname van de tabellen door derden; weinig studies.",
      ),
    ],
  },
  {
    id: "blume-2010-work-environment",
    topic: "transfer",
    claim: text(
      "A supportive work environment goes with more transfer.",
      "Een steunende werkomgeving gaat samen met meer transfer.",
    ),
    figure: text(
      "ρ = .36 (k = 35, N = 5,017); support alone ρ = .21",
      "ρ = 0,36 (k = 35, N = 5.017); alleen steun ρ = 0,21",
    ),
    ...blume2010,
    caveats: [
      text(
        "When support and transfer are both self-reported in one questionnaire, the relation is inflated (ρ = .54 vs .23).",
        "Als steun en transfer allebei in één vragenlijst zelf worden gerapporteerd, is het verband opgeblazen (ρ = 0,54 tegen 0,23).",
      ),
    ],
  },
  {
    id: "blume-2010-open-skills",
    topic: "transfer",
    claim: text(
      "Motivation and work environment matter more for open skills (such as leadership or customer conversations) than for closed skills (such as software procedures).",
      "Motivatie en werkomgeving wegen zwaarder bij open vaardigheden (zoals leidinggeven of klantgesprekken) dan bij gesloten vaardigheden (zoals softwareprocedures).",
    ),
    figure: null,
    ...blume2010,
    design: text("Meta-analysis of 89 studies", "Meta-analyse van 89 studies"),
    verification: "V-P",
    caveats: [],
  },
  {
    id: "thalheimer-early-application",
    topic: "transfer",
    claim: text(
      "Early chances to use what was learned at work raise transfer.",
      "Vroege kansen om het geleerde op het werk te gebruiken, verhogen de transfer.",
    ),
    figure: null,
    ...thalheimer2020,
    caveats: [],
  },
  {
    id: "thalheimer-realistic-practice",
    topic: "practice",
    claim: text(
      "Practice on tasks like the ones people will do at work supports transfer; transfer to situations never practised is rare.",
      "Oefenen met taken zoals mensen ze op het werk doen, ondersteunt transfer; transfer naar situaties die nooit zijn geoefend is zeldzaam.",
    ),
    figure: null,
    ...thalheimer2020,
    caveats: [],
  },
  {
    id: "taylor-2005-behaviour-modelling",
    topic: "practice",
    claim: text(
      "Behaviour modelling transfers best with positive and negative examples, practice scenarios the trainees make themselves, goal setting, trained supervisors and consequences at work.",
      "Gedragsmodellering beklijft het best met goede en slechte voorbeelden, oefenscenario's die deelnemers zelf maken, doelen, getrainde leidinggevenden en gevolgen op het werk.",
    ),
    figure: null,
    source:
      "Taylor, P. J., Russ-Eft, D. F., & Chan, D. W. L. (2005). A meta-analytic review of behavior modeling training. Journal of Applied Psychology, 90(4), 692–709.",
    design: text("Meta-analysis of 117 studies", "Meta-analyse van 117 studies"),
    population: workplace,
    outcome: text("Learning, job behaviour and results", "Leren, gedrag op het werk en resultaten"),
    verification: "V-P",
    caveats: [
      text(
        "Outcome-specific effect sizes were not verified.",
        "Effectgroottes per uitkomst zijn niet geverifieerd.",
      ),
    ],
  },
  {
    id: "grossman-salas-2011",
    topic: "transfer",
    claim: text(
      "Transfer is supported by realistic training environments, error management, a transfer climate, support, the opportunity to perform and follow-up.",
      "Transfer wordt ondersteund door een realistische oefenomgeving, leren van fouten, een transferklimaat, steun, de kans om het te doen en opvolging.",
    ),
    figure: null,
    source:
      "Grossman, R., & Salas, E. (2011). The transfer of training: what really matters. International Journal of Training and Development, 15(2).",
    design: text("Review", "Review"),
    population: workplace,
    outcome: text("Transfer of training", "Transfer van de opleiding"),
    verification: "V-P",
    caveats: [],
  },
  {
    id: "kluger-denisi-1996-feedback",
    topic: "practice",
    claim: text(
      "Feedback helps on average, but about a third of feedback effects were negative.",
      "Feedback helpt gemiddeld, maar ongeveer een derde van de feedbackeffecten was negatief.",
    ),
    figure: text("d = 0.41 (original article)", "d = 0,41 (oorspronkelijk artikel)"),
    source:
      "Kluger, A. N., & DeNisi, A. (1996). The effects of feedback interventions on performance. Psychological Bulletin, 119(2).",
    design: text("Meta-analysis of 131 studies", "Meta-analyse van 131 studies"),
    population: text("Mixed", "Gemengd"),
    outcome: text("Performance", "Prestatie"),
    verification: "NV",
    caveats: [
      text(
        "The original figure was not verified; Wisniewski et al. (2020) report an average of 0.38 for this work.",
        "Het oorspronkelijke cijfer is niet geverifieerd; Wisniewski e.a. (2020) noemen voor dit werk een gemiddelde van 0,38.",
      ),
    ],
  },
];
