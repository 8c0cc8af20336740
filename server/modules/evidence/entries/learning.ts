import { type EvidenceEntry, metaAnalysis, mixedEducation, text, workplace } from "../evidence-types.ts";

/** Spacing, retrieval, flipped classroom and coaching. */
export const learningEvidence: EvidenceEntry[] = [
  {
    id: "latimier-2021-spacing",
    topic: "spacing",
    claim: text(
      "Spacing retrieval practice over time beats massing it; expanding intervals add little over equal ones.",
      "Ophaaloefeningen spreiden over de tijd werkt beter dan ze opeenhopen; steeds langere tussenpozen voegen weinig toe aan gelijke.",
    ),
    figure: text(
      "g = 0.74 spaced vs massed (39 effects); expanding vs uniform g = 0.034, n.s.",
      "g = 0,74 gespreid tegenover geblokt (39 effecten); oplopende tegenover gelijke tussenpozen g = 0,034, n.s.",
    ),
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
    figure: text(
      "d = 0.40 [0.31, 0.50] (192 effects, N = 10,382)",
      "d = 0,40 [0,31; 0,50] (192 effecten, N = 10.382)",
    ),
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
    figure: text("g = 0.50 (61 studies, 159 effects)", "g = 0,50 (61 studies, 159 effecten)"),
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
    figure: text(
      "g = 0.35 (k = 272); g = 0.24 in adequately powered studies (k = 90)",
      "g = 0,35 (k = 272); g = 0,24 in studies met voldoende power (k = 90)",
    ),
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
    figure: text("g = 0.43 to 0.74 across five outcomes", "g = 0,43 tot 0,74 over vijf uitkomsten"),
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
    figure: text("δ = 0.36 overall; skills 0.28 (k = 17)", "δ = 0,36 in totaal; vaardigheden 0,28 (k = 17)"),
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
];
