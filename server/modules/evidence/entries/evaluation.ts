import {
  blume2010,
  type EvidenceEntry,
  metaAnalysis,
  mixedEducation,
  text,
  workplace,
} from "../evidence-types.ts";

/** Evaluation and Hattie's Visible Learning (always with caveats). */
export const evaluationEvidence: EvidenceEntry[] = [
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
    figure: text(
      "affective reactions ρ = .08; utility reactions ρ = .46",
      "affectieve reacties ρ = 0,08; reacties over nut ρ = 0,46",
    ),
    ...blume2010,
    caveats: [],
  },
  {
    id: "arthur-2003-training",
    topic: "evaluation",
    claim: text(
      "Across studies of organisational training, the average effect on learning was about as large as the effect on behaviour at work.",
      "Over onderzoeken naar opleidingen in organisaties heen was het gemiddelde effect op leren ongeveer even groot als het effect op gedrag op het werk.",
    ),
    figure: text(
      "learning d = 0.63 (k = 234); behaviour d = 0.62 (k = 122)",
      "leren d = 0,63 (k = 234); gedrag d = 0,62 (k = 122)",
    ),
    source:
      "Arthur, W., Jr., Bennett, W., Jr., Edens, P. S., & Bell, S. T. (2003). Effectiveness of training in organizations: A meta-analysis of design and evaluation features. Journal of Applied Psychology, 88(2), 234–245.",
    design: metaAnalysis,
    population: workplace,
    outcome: text("Reaction, learning, behaviour and results", "Reactie, leren, gedrag en resultaten"),
    verification: "V-P",
    caveats: [
      text(
        "Sample-weighted averages over many designs, controlled and uncontrolled; single-group pre-post designs give larger training effects (Carlson & Schmidt 1999).",
        "Naar steekproefgrootte gewogen gemiddelden over veel opzetten, met en zonder controlegroep; voor-nametingen in één groep geven grotere effecten (Carlson & Schmidt 1999).",
      ),
    ],
  },
  {
    id: "success-case-method",
    topic: "evaluation",
    claim: text(
      "Studying the most and the least successful participants shows quickly what works, how well, and what gets in the way.",
      "Wie de meest en de minst succesvolle deelnemers bestudeert, ziet snel wat werkt, hoe goed, en wat in de weg zit.",
    ),
    figure: null,
    source:
      "Brinkerhoff, R. O. (2003). The Success Case Method: Find Out Quickly What's Working and What's Not. Berrett-Koehler.",
    design: text("Evaluation method", "Evaluatiemethode"),
    population: text(
      "Interventions in organisations, such as training programmes",
      "Interventies in organisaties, zoals opleidingen",
    ),
    outcome: text(
      "Documented impact stories and what helped or hindered",
      "Vastgelegde impactverhalen en wat hielp of hinderde",
    ),
    verification: "V-P",
    caveats: [
      text(
        "Stories of extremes are not an average: they explain, they do not measure how often.",
        "Verhalen van uitersten zijn geen gemiddelde: ze verklaren, ze meten niet hoe vaak iets gebeurt.",
      ),
    ],
  },
  {
    id: "metax-spaced-practice",
    topic: "hattie",
    claim: text(
      "Spaced practice outperforms massed practice.",
      "Gespreid oefenen werkt beter dan geconcentreerd oefenen.",
    ),
    figure: text(
      "d = 0.59 (weighted; MetaX ≥ v1.2, 5 meta-analyses, 510 studies)",
      "d = 0,59 (gewogen; MetaX ≥ v1.2, 5 meta-analyses, 510 studies)",
    ),
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
    figure: text("hinge point d = 0.40", "scharnierpunt d = 0,40"),
    source:
      "Hattie, J. (2009). Visible Learning: A synthesis of over 800 meta-analyses relating to achievement. Routledge.",
    design: text("Synthesis of 800+ meta-analyses", "Synthese van 800+ meta-analyses"),
    population: text("School students", "Scholieren"),
    outcome: text("Achievement", "Leerprestaties"),
    verification: "V-S",
    caveats: [],
    hattie: true,
  },
];
