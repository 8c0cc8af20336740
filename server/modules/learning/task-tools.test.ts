import { describe, expect, it } from "vitest";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { defaultCalendar } from "../../../common/working-week.ts";
import { difficultCustomerConversations } from "../trajectories/templates/difficult-customer-conversations.ts";
import { renderTemplate } from "../trajectories/templates/template.ts";
import { type CheckInFact, checkInsPerTask, closedAt, type TaskFacts } from "./task-tools.ts";

const document: TrajectoryDocument = (() => {
  const rendered = renderTemplate(difficultCustomerConversations, "en");
  return { ...rendered, activities: rendered.activities.map((a, i) => ({ ...a, id: `a${i}` })) };
})();
const enrolment = { cohortId: "cohort", sessionDates: ["2026-03-02"], document, calendar: defaultCalendar };
const [before, afterWeek, afterApplied] = document.activities
  .filter((a) => a.type === "manager-check-in")
  .map((a) => a.id!);

const checkIn = (kind: CheckInFact["kind"], at: string, cohortId: string | null = "cohort"): CheckInFact => ({
  id: `${kind}-${at}`,
  kind,
  agreements: "",
  at: new Date(at).toISOString(),
  recordedAt: new Date(at),
  managerName: "Marco",
  cohortId,
  cohortName: null,
});

const facts = (...checkIns: CheckInFact[]): TaskFacts => ({
  // Newest first, as they are read.
  checkIns: [...checkIns].sort((a, b) => b.at.localeCompare(a.at)),
  feedbackCohorts: new Map(),
  planCohorts: new Map(),
  cohortCreated: new Map([["cohort", new Date("2026-02-01T00:00:00Z")]]),
});

const closed = (f: TaskFacts) => [...checkInsPerTask(enrolment, f).keys()].sort();

describe("which check-in closes which check-in task", () => {
  it("closes the conversation of the check-in's kind, one task per check-in, earliest first", () => {
    expect(closed(facts(checkIn("after", "2026-03-10T09:00:00Z")))).toEqual([afterWeek]);
    expect(
      closed(facts(checkIn("after", "2026-03-10T09:00:00Z"), checkIn("after", "2026-04-20T09:00:00Z"))),
    ).toEqual([afterWeek, afterApplied].sort());
    expect(closed(facts(checkIn("before", "2026-02-15T09:00:00Z", null)))).toEqual([before]);
  });

  it("lets 'we talked' stand for the conversation that fits its date", () => {
    expect(closed(facts(checkIn("talked", "2026-02-20T09:00:00Z")))).toEqual([before]);
    expect(closed(facts(checkIn("talked", "2026-03-02T15:00:00Z")))).toEqual([afterWeek]);
  });

  it("ignores another cohort's check-in and one from before the cohort was planned", () => {
    expect(closed(facts(checkIn("after", "2026-03-10T09:00:00Z", "other")))).toEqual([]);
    expect(closed(facts(checkIn("before", "2026-01-10T09:00:00Z", null)))).toEqual([]);
  });

  it("dates a closed task by the check-in that closed it", () => {
    const activity = document.activities.find((a) => a.id === afterWeek)!;
    const f = facts(checkIn("after", "2026-03-10T09:00:00Z"));
    expect(closedAt(enrolment, { type: activity.type, activityId: afterWeek! }, f)).toEqual(
      new Date("2026-03-10T09:00:00Z"),
    );
    expect(closedAt(enrolment, { type: activity.type, activityId: afterApplied! }, f)).toBeNull();
  });
});
