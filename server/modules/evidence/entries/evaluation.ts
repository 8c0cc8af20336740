import type { EvidenceEntry } from "../evidence-types.ts";

/** Evaluation and Hattie's Visible Learning (always with caveats). */
export const evaluationEvidence: EvidenceEntry[] = [
  {
    id: "ltem-tiers",
    topic: "evaluation",
    source:
      "Thalheimer, W. (2018). The Learning-Transfer Evaluation Model: Sending Messages to Enable Learning Effectiveness (LTEM v12).",
    verification: "V-P",
  },
  {
    id: "blume-2010-reactions",
    topic: "evaluation",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    verification: "V-S",
  },
  {
    id: "arthur-2003-training",
    topic: "evaluation",
    source:
      "Arthur, W., Jr., Bennett, W., Jr., Edens, P. S., & Bell, S. T. (2003). Effectiveness of training in organizations: A meta-analysis of design and evaluation features. Journal of Applied Psychology, 88(2), 234–245.",
    verification: "V-P",
  },
  {
    id: "success-case-method",
    topic: "evaluation",
    source:
      "Brinkerhoff, R. O. (2003). The Success Case Method: Find Out Quickly What's Working and What's Not. Berrett-Koehler.",
    verification: "V-P",
  },
  {
    id: "metax-spaced-practice",
    topic: "hattie",
    source: 'Visible Learning MetaX, influence "Spaced vs. mass practice".',
    verification: "V-P",
    hattie: true,
  },
  {
    id: "hattie-hinge-point",
    topic: "hattie",
    source:
      "Hattie, J. (2009). Visible Learning: A synthesis of over 800 meta-analyses relating to achievement. Routledge.",
    verification: "V-S",
    hattie: true,
  },
];
