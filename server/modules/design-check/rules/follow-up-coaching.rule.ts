import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "follow-up-coaching",
  evidence: ["theeboom-2014-coaching", "jones-2016-coaching", "grossman-salas-2011"],
  check: (doc) =>
    doc.activities.some(
      (a) => (a.type === "coaching-session" || a.type === "peer-feedback") && a.offsetDays > 0,
    )
      ? null
      : { severity: "medium" },
});
