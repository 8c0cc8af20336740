import type { EvidenceEntry } from "../evidence-types.ts";

/** Transfer, action plans and practice. */
export const transferEvidence: EvidenceEntry[] = [
  {
    id: "thalheimer-triggered-action-planning",
    topic: "action-plans",
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    verification: "V-S",
  },
  {
    id: "gollwitzer-sheeran-2006",
    topic: "action-plans",
    source:
      "Gollwitzer, P. M., & Sheeran, P. (2006). Implementation intentions and goal achievement: A meta-analysis of effects and processes. Advances in Experimental Social Psychology, 38.",
    verification: "V-P",
  },
  {
    id: "blume-2010-goal-setting",
    topic: "action-plans",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    verification: "V-S",
  },
  {
    id: "blume-2010-work-environment",
    topic: "transfer",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    verification: "V-S",
  },
  {
    id: "blume-2010-open-skills",
    topic: "transfer",
    source:
      "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
    verification: "V-P",
  },
  {
    id: "thalheimer-early-application",
    topic: "transfer",
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    verification: "V-S",
  },
  {
    id: "thalheimer-realistic-practice",
    topic: "practice",
    source:
      "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
    verification: "V-S",
  },
  {
    id: "taylor-2005-behaviour-modelling",
    topic: "practice",
    source:
      "Taylor, P. J., Russ-Eft, D. F., & Chan, D. W. L. (2005). A meta-analytic review of behavior modeling training. Journal of Applied Psychology, 90(4), 692–709.",
    verification: "V-P",
  },
  {
    id: "grossman-salas-2011",
    topic: "transfer",
    source:
      "Grossman, R., & Salas, E. (2011). The transfer of training: what really matters. International Journal of Training and Development, 15(2).",
    verification: "V-P",
  },
  {
    id: "kluger-denisi-1996-feedback",
    topic: "practice",
    source:
      "Kluger, A. N., & DeNisi, A. (1996). The effects of feedback interventions on performance. Psychological Bulletin, 119(2).",
    verification: "NV",
  },
];
