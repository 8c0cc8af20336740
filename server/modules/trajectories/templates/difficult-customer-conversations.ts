import { behaviourSurvey, practiceQuestions, step, type TrajectoryTemplate } from "./template.ts";

export const difficultCustomerConversations: TrajectoryTemplate = {
  key: "difficult-customer-conversations",
  skillKind: "open",
  retentionDays: 90,
  competences: [
    { key: "de-escalating", kind: "open" },
    { key: "next-steps", kind: "open" },
  ],
  activities: [
    step("before", "manager-check-in", -14, 20, "check-in-with-your"),
    step("before", "insight-test", -10, 15, "insight-test-five-customer"),
    step("before", "theory-module", -7, 30, "what-happens-in-an"),
    step("before", "video", -5, 15, "two-recorded-conversations-one", {
      optional: true,
    }),
    step("kickoff", "reflection", -3, 15, "write-down-two-real"),
    step("session", "practice-session", 0, 60, "short-recap-and-a", { theoryShare: 0.3 }),
    step("session", "simulation", 0, 150, "role-play-with-your"),
    step("session", "peer-feedback", 0, 45, "feedback-in-threes-what"),
    step("session", "action-plan", 0, 30, "write-one-to-three"),
    step("between", "learner-survey", 1, 5, "short-survey-what-can"),
    practiceQuestions("between", 2),
    step("between", "on-the-job-assignment", 3, 30, "use-your-plan-in"),
    step("between", "manager-check-in", 7, 20, "check-in-which-plan"),
    step("between", "peer-feedback", 10, 30, "ask-a-colleague-for"),
    practiceQuestions("after", 14),
    step("after", "coaching-session", 21, 45, "coaching-what-helped-what"),
    practiceQuestions("after", 35),
    step("after", "reflection", 42, 15, "reflect-on-three-conversations", { optional: true }),
    step("after", "competence-proof", 45, 40, "competence-proof-a-recorded"),
    behaviourSurvey(45),
    step("after", "manager-check-in", 49, 20, "check-in-confirm-what"),
  ],
};
