import { defineRule } from "../design-rule.ts";

/** "Early" in the transfer research: within about two weeks of the practice day. */
export const EARLY_DAYS = 14;

export default defineRule({
  id: "early-application",
  evidence: ["thalheimer-early-application", "grossman-salas-2011"],
  check: (doc) =>
    doc.activities.some(
      (a) => a.type === "on-the-job-assignment" && a.offsetDays >= 0 && a.offsetDays <= EARLY_DAYS,
    )
      ? null
      : { severity: "high", params: { days: EARLY_DAYS } },
});
