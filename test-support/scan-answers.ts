/** Complete culture-scan answers: learning now, every layer and condition rated `score`. */
export function completeScanAnswers(score: number, comment = ""): Record<string, string | number> {
  const answers: Record<string, string | number> = {
    learningNow: "yes",
    intention: "within-30-days",
    monthsSinceStart: "2",
    applyingAtWork: "no",
    choosesNewLearning: "yes",
  };
  for (const id of [
    "tasks",
    "colleagues",
    "manager",
    "hr",
    "management",
    "environment",
    "engagement",
    "sharedVision",
    "readiness",
    "safety",
    "workload",
  ]) {
    answers[id] = score;
  }
  if (comment) answers.comment = comment;
  return answers;
}
