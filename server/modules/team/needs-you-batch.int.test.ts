import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";
import { teamMemberships } from "../../db/schema/index.ts";
import { seededDemoTenant } from "../../../test-support/demo.ts";
import { needsYouOf, needsYouOfManagersInOrder } from "./team.service.ts";

/**
 * The Monday digest sweep reads what needs a group of managers at once; a manager's own screen reads it
 * for one. Both must give each manager exactly the same list.
 */
describe("what needs a group of managers", () => {
  const t = useTestApp();
  const day = 86_400_000;

  it("gives every demo manager the same list as their own screen, on several days", async () => {
    const tenant = await seededDemoTenant(t.database.db);
    const managers = [
      ...new Set(
        (
          await tenant.select(
            teamMemberships,
            { personId: teamMemberships.personId },
            eq(teamMemberships.isManager, true),
          )
        ).map((row) => row.personId),
      ),
    ];
    expect(managers.length).toBeGreaterThan(1);
    let listed = 0;
    for (const offset of [-20, 0, 5, 12, 40]) {
      const now = new Date(t.clock.now.getTime() + offset * day);
      const together = await needsYouOfManagersInOrder(tenant, managers, { locale: "nl", now });
      expect(together.size).toBe(managers.length);
      for (const managerId of managers) {
        const alone = await needsYouOf(tenant, { managerId, locale: "nl", now });
        expect(together.get(managerId), `manager ${managerId}, day ${offset}`).toEqual(alone);
        listed += alone.length;
      }
    }
    // The comparison means something only if the demo's managers have things waiting.
    expect(listed).toBeGreaterThan(0);
  });
});
