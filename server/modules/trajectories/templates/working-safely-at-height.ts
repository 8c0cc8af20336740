import { behaviourSurvey, practiceQuestions, step, type TrajectoryTemplate } from "./template.ts";

export const workingSafelyAtHeight: TrajectoryTemplate = {
  key: "working-safely-at-height",
  skillKind: "closed",
  retentionDays: 180,
  competences: [
    { key: "fall-protection", kind: "closed" },
    { key: "ladder-or-scaffold", kind: "closed" },
    { key: "speaking-up", kind: "open" },
  ],
  activities: [
    step("before", "manager-check-in", -7, 15, "check-in-with-the"),
    step("before", "insight-test", -7, 15, "insight-test-eight-photos"),
    step("before", "theory-module", -5, 30, "rules-and-risks-of"),
    step("before", "video", -3, 10, "three-near-miss-stories"),
    step("session", "practice-session", 0, 150, "hands-on-harness-ladder", { theoryShare: 0.2 }),
    step("session", "simulation", 0, 60, "spot-the-hazards-on"),
    step("session", "simulation", 0, 30, "role-play-speaking-up"),
    step("session", "action-plan", 0, 15, "if-then-plans-for"),
    step("between", "on-the-job-assignment", 2, 30, "inspect-your-own-equipment"),
    practiceQuestions("between", 3),
    step("between", "peer-feedback", 7, 20, "watch-a-colleague-set"),
    step("between", "manager-check-in", 10, 15, "check-in-on-site"),
    practiceQuestions("after", 14),
    practiceQuestions("after", 30),
    step("after", "competence-proof", 30, 30, "competence-proof-an-inspection"),
    behaviourSurvey(30),
    step("after", "coaching-session", 45, 30, "toolbox-talk-what-made"),
    practiceQuestions("after", 60),
    step("after", "manager-check-in", 60, 15, "check-in-confirm-safe"),
    practiceQuestions("after", 90),
  ],
};
