import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";
import { buildOrganisation } from "../../../test-support/factories.ts";
import { persons } from "../../db/schema/index.ts";
import { seededDemoTenant } from "../../../test-support/demo.ts";
import { getToday, getTodays } from "./today.service.ts";

/**
 * The morning nudge sweep builds Today for hundreds of learners at once; the learner's own request
 * builds it for one. Both must give each learner exactly the same list.
 */
describe("Today for a group of learners", () => {
  const t = useTestApp();
  const day = 86_400_000;

  async function demoPeople() {
    const tenant = await seededDemoTenant(t.database.db);
    const people = await tenant.select(persons, { id: persons.id });
    return { tenant, ids: people.map((p) => p.id) };
  }

  it("gives every demo person the same Today as their own request, on several days", async () => {
    const { tenant, ids } = await demoPeople();
    expect(ids.length).toBeGreaterThan(10);
    for (const offset of [0, 3, 9, 30]) {
      const now = new Date(t.clock.now.getTime() + offset * day);
      // On even offsets the group goes first (and makes the new practice cards), on odd ones the singles.
      const group = offset % 2 === 0 ? await getTodays(tenant, ids, now) : null;
      const singles = new Map<string, Awaited<ReturnType<typeof getToday>>>();
      for (const id of ids) singles.set(id, await getToday(tenant, id, now));
      const together = group ?? (await getTodays(tenant, ids, now));
      expect(together.size).toBe(ids.length);
      for (const id of ids) expect(together.get(id), `person ${id}, day +${offset}`).toEqual(singles.get(id));
    }
    const withWork = [...(await getTodays(tenant, ids, t.clock.now)).values()].filter(
      (today) => today.items.length > 0,
    );
    expect(withWork.length).toBeGreaterThan(3);
  });

  it("leaves out people of another organisation", async () => {
    const { tenant, ids } = await demoPeople();
    const other = await buildOrganisation(t.database.db);
    const [stranger] = await t.database.db
      .insert(persons)
      .values({ organisationId: other.id, email: "stranger@other.test", name: "Stranger" })
      .returning();
    const answer = await getTodays(tenant, [ids[0]!, stranger!.id], t.clock.now);
    expect([...answer.keys()]).toEqual([ids[0]]);
    await expect(getToday(tenant, stranger!.id, t.clock.now)).rejects.toMatchObject({ status: 404 });
  });
});
