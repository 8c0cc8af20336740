/**
 * The evidence library: data shipped with the code, written in our own words from the collected notes
 * (shared/research/evidence.md). Figures keep their source; an entry tagged NV never shows its figure.
 * Source titles stay in their original language.
 */
export type Verification = "V-P" | "V-S" | "NV";
export interface Text {
  en: string;
  nl: string;
}

export interface EvidenceEntry {
  id: string;
  topic:
    | "transfer"
    | "action-plans"
    | "spacing"
    | "retrieval"
    | "coaching"
    | "flipped"
    | "evaluation"
    | "practice"
    | "hattie";
  claim: Text;
  figure: string | null;
  source: string;
  design: Text;
  population: Text;
  outcome: Text;
  verification: Verification;
  caveats: Text[];
  /** Figures from Hattie's Visible Learning / MetaX always carry the Hattie caveats. */
  hattie?: boolean;
}

const text = (en: string, nl: string): Text => ({ en, nl });

const metaAnalysis = text("Meta-analysis", "Meta-analyse");
const workplace = text(
  "Employees in organisational training",
  "Medewerkers in opleidingen binnen organisaties",
);
const mixedEducation = text("Mostly school and university students", "Vooral scholieren en studenten");

/** Shown beside every Hattie figure (shared/research/evidence.md §3.2). */
export const hattieCaveats: Text[] = [
  text(
    "Hattie averages meta-analyses with very different designs, outcomes and populations; critics (Simpson 2017; Bergeron & Rivard 2017) argue such averages are not a universal measure of impact.",
    "Hattie middelt meta-analyses met heel verschillende opzetten, uitkomsten en doelgroepen; critici (Simpson 2017; Bergeron & Rivard 2017) stellen dat zo'n gemiddelde geen universele maat voor effect is.",
  ),
  text(
    "Pre-post and controlled effect sizes are mixed in these averages; a pre-post d is usually larger and is not comparable with the 0.40 hinge point.",
    "In deze gemiddelden zijn voor-na-effecten en gecontroleerde effecten door elkaar gebruikt; een voor-na-d is meestal groter en niet vergelijkbaar met het scharnierpunt 0,40.",
  ),
  text(
    "MetaX figures change between versions; the version is stated with each figure. Use them as context only.",
    "MetaX-cijfers veranderen tussen versies; de versie staat bij elk cijfer. Gebruik ze alleen als context.",
  ),
];

export const evidenceLibrary: EvidenceEntry[] = [
  {
    id: "thalheimer-triggered-action-planning",
    topic: "action-plans",
    claim: text(
      "Action plans that name the situation that triggers the action lead to more application than goals alone.",
      "Actieplannen die de situatie noemen die de actie uitlokt, leiden tot meer toepassing dan alleen doelen.",
    ),
    figure: null,
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    design: text("Narrative synthesis of transfer research", "Verhalende synthese van transferonderzoek"),
    population: text(
      "Workplace learning, several study types",
      "Leren op het werk, verschillende soorten studies",
    ),
    outcome: text("Application at work (transfer)", "Toepassing op het werk (transfer)"),
    verification: "V-S",
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
    figure: "d = 0.65 (94 independent tests)",
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
    figure: "ρ = .08, n.s. (k = 6, N = 378)",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Transfer of training", "Transfer van de opleiding"),
    verification: "V-S",
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
    figure: "ρ = .36 (k = 35, N = 5,017); support alone ρ = .21",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Transfer of training", "Transfer van de opleiding"),
    verification: "V-S",
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
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    design: text("Meta-analysis of 89 studies", "Meta-analyse van 89 studies"),
    population: workplace,
    outcome: text("Transfer of training", "Transfer van de opleiding"),
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
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    design: text("Narrative synthesis of transfer research", "Verhalende synthese van transferonderzoek"),
    population: text("Workplace learning", "Leren op het werk"),
    outcome: text("Application at work", "Toepassing op het werk"),
    verification: "V-S",
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
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    design: text("Narrative synthesis of transfer research", "Verhalende synthese van transferonderzoek"),
    population: text("Workplace learning", "Leren op het werk"),
    outcome: text("Application at work", "Toepassing op het werk"),
    verification: "V-S",
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
    id: "latimier-2021-spacing",
    topic: "spacing",
    claim: text(
      "Spacing retrieval practice over time beats massing it; expanding intervals add little over equal ones.",
      "Ophaaloefeningen spreiden over de tijd werkt beter dan ze opeenhopen; steeds langere tussenpozen voegen weinig toe aan gelijke.",
    ),
    figure: "g = 0.74 spaced vs massed (39 effects); expanding vs uniform g = 0.034, n.s.",
    source:
      "Latimier, A., Peyre, H., & Ramus, F. (2021). A meta-analytic review of the benefit of spacing out retrieval practice episodes on retention. Educational Psychology Review, 33, 959–987.",
    design: metaAnalysis,
    population: mixedEducation,
    outcome: text("Retention", "Onthouden"),
    verification: "V-P",
    caveats: [],
  },
  {
    id: "cepeda-2006-retention-interval",
    topic: "spacing",
    claim: text(
      "The best gap between practice sessions grows with how long people must remember: practice for months, not days, when the behaviour must last months.",
      "De beste tussenpoos tussen oefenmomenten groeit met hoe lang mensen iets moeten onthouden: oefen maanden als het gedrag maanden moet blijven.",
    ),
    figure: null,
    source:
      "Cepeda, N. J., Pashler, H., Vul, E., Wixted, J. T., & Rohrer, D. (2006). Distributed practice in verbal recall tasks: A review and quantitative synthesis. Psychological Bulletin, 132(3), 354–380.",
    design: text("Review of 317 experiments (839 assessments)", "Review van 317 experimenten (839 metingen)"),
    population: text("Mostly laboratory studies", "Vooral laboratoriumstudies"),
    outcome: text("Verbal recall", "Verbaal herinneren"),
    verification: "V-P",
    caveats: [
      text("No single pooled effect size is reported.", "Er is geen enkele samengevatte effectgrootte."),
    ],
  },
  {
    id: "pan-rickard-2018-transfer-of-testing",
    topic: "retrieval",
    claim: text(
      "Retrieval practice also helps with new questions, most of all application and inference questions.",
      "Ophaaloefeningen helpen ook bij nieuwe vragen, vooral bij toepassings- en redeneervragen.",
    ),
    figure: "d = 0.40 [0.31, 0.50] (192 effects, N = 10,382)",
    source:
      "Pan, S. C., & Rickard, T. C. (2018). Transfer of test-enhanced learning: Meta-analytic review and synthesis. Psychological Bulletin.",
    design: metaAnalysis,
    population: mixedEducation,
    outcome: text("Transfer to new questions", "Transfer naar nieuwe vragen"),
    verification: "V-P",
    caveats: [
      text(
        "Corrections for publication bias shrink the effect, often to no transfer when no moderators are present.",
        "Correcties voor publicatiebias verkleinen het effect, vaak tot geen transfer als er geen moderatoren zijn.",
      ),
    ],
  },
  {
    id: "rowland-2014-testing",
    topic: "retrieval",
    claim: text(
      "Testing yourself helps retention more than restudying.",
      "Jezelf toetsen helpt het onthouden meer dan opnieuw bestuderen.",
    ),
    figure: "g = 0.50 (61 studies, 159 effects)",
    source:
      "Rowland, C. A. (2014). The effect of testing versus restudy on retention: A meta-analytic review of the testing effect. Psychological Bulletin, 140(6), 1432–1463.",
    design: metaAnalysis,
    population: mixedEducation,
    outcome: text("Retention", "Onthouden"),
    verification: "V-S",
    caveats: [],
  },
  {
    id: "flipped-classroom-2019",
    topic: "flipped",
    claim: text(
      "Moving theory before the class and using class time for practice helps, but less than often claimed.",
      "Theorie vóór de les zetten en de lestijd voor oefening gebruiken helpt, maar minder dan vaak wordt gezegd.",
    ),
    figure: "g = 0.35 (k = 272); g = 0.24 in adequately powered studies (k = 90)",
    source:
      "Does the flipped classroom improve student learning and satisfaction? A systematic review and meta-analysis. AERA Open (2019).",
    design: metaAnalysis,
    population: text("Higher education students", "Studenten in het hoger onderwijs"),
    outcome: text("Learning", "Leren"),
    verification: "V-P",
    caveats: [
      text("Publication bias is likely.", "Publicatiebias is waarschijnlijk."),
      text("The authors' names were not verified.", "De namen van de auteurs zijn niet geverifieerd."),
    ],
  },
  {
    id: "kapur-2022-flipped",
    topic: "flipped",
    claim: text(
      "Flipping only works when class time really changes to active practice; in most studies it did not.",
      "Flippen werkt alleen als de lestijd echt verandert in actief oefenen; in de meeste studies gebeurde dat niet.",
    ),
    figure: null,
    source:
      "Kapur, M., Hattie, J., Grossman, I., & Sinha, T. (2022). Fail, flip, fix, and feed. Frontiers in Education, 7, 956416.",
    design: text(
      "Review of 46 meta-analyses and a meta-analysis of 173 studies",
      "Review van 46 meta-analyses en een meta-analyse van 173 studies",
    ),
    population: mixedEducation,
    outcome: text("Learning", "Leren"),
    verification: "V-P",
    caveats: [],
  },
  {
    id: "theeboom-2014-coaching",
    topic: "coaching",
    claim: text(
      "Workplace coaching has positive effects on performance, well-being, coping, attitudes and self-regulation.",
      "Coaching op het werk heeft positieve effecten op prestaties, welzijn, omgaan met stress, houding en zelfsturing.",
    ),
    figure: "g = 0.43 to 0.74 across five outcomes",
    source:
      "Theeboom, T., Beersma, B., & van Vianen, A. E. M. (2014). Does coaching work? A meta-analysis on the effects of coaching on individual level outcomes in an organizational context. Journal of Positive Psychology, 9(1), 1–18.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Individual outcomes at work", "Individuele uitkomsten op het werk"),
    verification: "V-P",
    caveats: [],
  },
  {
    id: "jones-2016-coaching",
    topic: "coaching",
    claim: text(
      "Coaching by internal or external coaches improves skills and results, more so with internal coaches.",
      "Coaching door interne of externe coaches verbetert vaardigheden en resultaten, sterker met interne coaches.",
    ),
    figure: "δ = 0.36 overall; skills 0.28 (k = 17)",
    source:
      "Jones, R. J., Woods, S. A., & Guillaume, Y. R. F. (2016). The effectiveness of workplace coaching. Journal of Occupational and Organizational Psychology, 89(2), 249–277.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Skills, affect and individual results", "Vaardigheden, gevoel en individuele resultaten"),
    verification: "V-P",
    caveats: [
      text(
        "Manager and peer coaching were excluded.",
        "Coaching door leidinggevenden en collega's is buiten beschouwing gelaten.",
      ),
    ],
  },
  {
    id: "ltem-tiers",
    topic: "evaluation",
    claim: text(
      "Attendance, activity and learner perceptions (LTEM tiers 1–3) cannot show that learning happened; decision making, task competence and transfer (tiers 5–7) can.",
      "Aanwezigheid, activiteit en oordeel van deelnemers (LTEM-niveaus 1–3) kunnen niet aantonen dat er geleerd is; beslissen, taakbekwaamheid en transfer (niveaus 5–7) wel.",
    ),
    figure: null,
    source:
      "Thalheimer, W. (2018). The Learning-Transfer Evaluation Model: Sending Messages to Enable Learning Effectiveness (LTEM v12).",
    design: text("Evaluation model", "Evaluatiemodel"),
    population: text("Workplace learning", "Leren op het werk"),
    outcome: text("Evaluation adequacy", "Geschiktheid van evaluatie"),
    verification: "V-P",
    caveats: [
      text(
        "Tier 1–3 detail wording was read in secondary sources.",
        "De precieze omschrijving van niveau 1–3 is in secundaire bronnen gelezen.",
      ),
    ],
  },
  {
    id: "blume-2010-reactions",
    topic: "evaluation",
    claim: text(
      "How much learners liked a training barely predicts transfer; how useful they found it predicts more.",
      "Hoe leuk deelnemers een opleiding vonden, voorspelt transfer nauwelijks; hoe nuttig ze haar vonden, voorspelt meer.",
    ),
    figure: "affective reactions ρ = .08; utility reactions ρ = .46",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Transfer of training", "Transfer van de opleiding"),
    verification: "V-S",
    caveats: [],
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
    id: "metax-spaced-practice",
    topic: "hattie",
    claim: text(
      "Spaced practice outperforms massed practice.",
      "Gespreid oefenen werkt beter dan geconcentreerd oefenen.",
    ),
    figure: "d = 0.59 (weighted; MetaX ≥ v1.2, 5 meta-analyses, 510 studies)",
    source: 'Visible Learning MetaX, influence "Spaced vs. mass practice".',
    design: text("Average of meta-analyses", "Gemiddelde van meta-analyses"),
    population: mixedEducation,
    outcome: text("Achievement", "Leerprestaties"),
    verification: "V-P",
    caveats: [],
    hattie: true,
  },
  {
    id: "hattie-hinge-point",
    topic: "hattie",
    claim: text(
      "Hattie uses d = 0.40, the average of all influences he studied, as the bar for an effect worth having.",
      "Hattie gebruikt d = 0,40, het gemiddelde van alle invloeden die hij bestudeerde, als lat voor een effect dat de moeite waard is.",
    ),
    figure: "hinge point d = 0.40",
    source:
      "Hattie, J. (2009). Visible Learning: A synthesis of over 800 meta-analyses relating to achievement. Routledge.",
    design: text("Synthesis of 800+ meta-analyses", "Synthese van 800+ meta-analyses"),
    population: text("School students", "Scholieren"),
    outcome: text("Achievement", "Leerprestaties"),
    verification: "V-S",
    caveats: [],
    hattie: true,
  },
  {
    id: "kluger-denisi-1996-feedback",
    topic: "practice",
    claim: text(
      "Feedback helps on average, but about a third of feedback effects were negative.",
      "Feedback helpt gemiddeld, maar ongeveer een derde van de feedbackeffecten was negatief.",
    ),
    figure: "d = 0.41 (original article)",
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

export function findEvidence(id: string): EvidenceEntry | undefined {
  return evidenceLibrary.find((entry) => entry.id === id);
}
