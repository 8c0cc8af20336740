import { behaviourSurvey, practiceQuestions, step, type TrajectoryTemplate } from "./template.ts";

export const newPlanningSystem: TrajectoryTemplate = {
  key: "new-planning-system",
  skillKind: "closed",
  retentionDays: 60,
  competences: [
    { key: "planning-a-job", kind: "closed" },
    { key: "rush-order", kind: "closed" },
  ],
  activities: [
    step("before", "manager-check-in", -10, 15, "check-in-why-the"),
    step("before", "insight-test", -7, 20, "insight-test-in-the"),
    step("before", "video", -5, 30, "five-short-screen-videos"),
    step("before", "reading", -3, 10, "quick-reference-card", { optional: true }),
    step("kickoff", "reflection", -1, 15, "meet-your-buddy-and"),
    step("session", "practice-session", 0, 180, "sandbox-plan-last-week", { theoryShare: 0.15 }),
    step("session", "simulation", 0, 60, "scenario-three-rush-orders"),
    step("session", "action-plan", 0, 20, "if-then-plans-for"),
    step("between", "on-the-job-assignment", 1, 60, "plan-your-own-jobs"),
    practiceQuestions("between", 3),
    step("between", "peer-feedback", 5, 20, "buddy-review-of-three"),
    step("between", "manager-check-in", 7, 15, "check-in-what-still"),
    practiceQuestions("between", 10),
    step("after", "practice-session", 14, 60, "extra-practice-hour-in", { optional: true, theoryShare: 0 }),
    practiceQuestions("after", 21),
    step("after", "competence-proof", 28, 30, "competence-proof-plan-three"),
    behaviourSurvey(28),
    step("after", "manager-check-in", 30, 15, "check-in-confirm-the"),
  ],
};
