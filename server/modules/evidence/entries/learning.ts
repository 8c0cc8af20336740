import type { EvidenceEntry } from "../evidence-types.ts";

/** Spacing, retrieval, flipped classroom and coaching. */
export const learningEvidence: EvidenceEntry[] = [
  {
    id: "latimier-2021-spacing",
    topic: "spacing",
    source:
      "Latimier, A., Peyre, H., & Ramus, F. (2021). A meta-analytic review of the benefit of spacing out retrieval practice episodes on retention. Educational Psychology Review, 33, 959–987.",
    verification: "V-P",
  },
  {
    id: "cepeda-2006-retention-interval",
    topic: "spacing",
    source:
      "Cepeda, N. J., Pashler, H., Vul, E., Wixted, J. T., & Rohrer, D. (2006). Distributed practice in verbal recall tasks: A review and quantitative synthesis. Psychological Bulletin, 132(3), 354–380.",
    verification: "V-P",
  },
  {
    id: "pan-rickard-2018-transfer-of-testing",
    topic: "retrieval",
    source:
      "Pan, S. C., & Rickard, T. C. (2018). Transfer of test-enhanced learning: Meta-analytic review and synthesis. Psychological Bulletin.",
    verification: "V-P",
  },
  {
    id: "rowland-2014-testing",
    topic: "retrieval",
    source:
      "Rowland, C. A. (2014). The effect of testing versus restudy on retention: A meta-analytic review of the testing effect. Psychological Bulletin, 140(6), 1432–1463.",
    verification: "V-S",
  },
  {
    id: "flipped-classroom-2019",
    topic: "flipped",
    source:
      "Does the flipped classroom improve student learning and satisfaction? A systematic review and meta-analysis. AERA Open (2019).",
    verification: "V-P",
  },
  {
    id: "kapur-2022-flipped",
    topic: "flipped",
    source:
      "Kapur, M., Hattie, J., Grossman, I., & Sinha, T. (2022). Fail, flip, fix, and feed. Frontiers in Education, 7, 956416.",
    verification: "V-P",
  },
  {
    id: "theeboom-2014-coaching",
    topic: "coaching",
    source:
      "Theeboom, T., Beersma, B., & van Vianen, A. E. M. (2014). Does coaching work? A meta-analysis on the effects of coaching on individual level outcomes in an organizational context. Journal of Positive Psychology, 9(1), 1–18.",
    verification: "V-P",
  },
  {
    id: "jones-2016-coaching",
    topic: "coaching",
    source:
      "Jones, R. J., Woods, S. A., & Guillaume, Y. R. F. (2016). The effectiveness of workplace coaching. Journal of Occupational and Organizational Psychology, 89(2), 249–277.",
    verification: "V-P",
  },
];
