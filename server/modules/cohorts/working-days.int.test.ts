import { describe, expect, it } from "vitest";
import type { CohortDetail } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { isoWeekday } from "../../../common/working-week.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildOrganisation, buildPerson } from "../../../test-support/factories.ts";
import { trajectoryWithContent } from "../../../test-support/learning.ts";

/**
 * Thursday 21 December 2028: the template's offsets reach a weekend, Christmas Day (Monday), Boxing Day
 * and New Year's Day from here.
 */
const PRACTICE_DAY = "2028-12-21";
const SECOND_DAY = "2029-01-04";

describe("working days: PATCH /api/organisation, GET /api/cohorts/:id, GET /api/cohorts/:id/calendar.ics", () => {
  const t = useTestApp();
  const call = caller(t);

  /** An organisation of its own with a coordinator, a manager and a learner, all signed in. */
  async function organisation() {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const coordinatorRow = await buildPerson(db, { organisationId: org.id, roles: ["coordinator"] });
    const learnerRow = await buildLearner(db, org.id, { name: "Anna" });
    const managerRow = await buildPerson(db, { organisationId: org.id, roles: ["manager"] });
    return {
      org,
      learnerRow,
      coordinator: await t.signIn(coordinatorRow.email),
      learner: await t.signIn(learnerRow.email),
      manager: await t.signIn(managerRow.email),
    };
  }

  /** The organisation with a cohort of the customer-conversations template on two practice days. */
  async function organisationWithCohort(sessionDates = [PRACTICE_DAY, SECOND_DAY]) {
    const org = await organisation();
    const trajectory = (
      await call("POST", "/api/trajectories", org.coordinator, trajectoryWithContent())
    ).json<TrajectoryDetail>();
    const planned = await call("POST", "/api/cohorts", org.coordinator, {
      trajectoryId: trajectory.id,
      name: "Winter: Klantgesprekken",
      sessionDates,
      personIds: [org.learnerRow.id],
    });
    expect(planned.statusCode).toBe(201);
    return { ...org, trajectory, cohort: planned.json<CohortDetail>() };
  }

  const dateOf = (cohort: CohortDetail, title: string) =>
    cohort.schedule.find((s) => s.title === title)!.date;

  it("requires authentication", async () => {
    const { cohort } = await organisationWithCohort();
    expect((await call("GET", `/api/cohorts/${cohort.id}/calendar.ics`, null)).statusCode).toBe(401);
    expect((await call("PATCH", "/api/organisation", null, { country: "BE" })).statusCode).toBe(401);
  });

  it("hides other organisations' data: another organisation's cohort calendar is not found", async () => {
    const { cohort } = await organisationWithCohort();
    const other = await organisation();
    expect((await call("GET", `/api/cohorts/${cohort.id}/calendar.ics`, other.coordinator)).statusCode).toBe(
      404,
    );
  });

  describe("PATCH /api/organisation", () => {
    it("starts in the Netherlands, Monday to Friday, and takes a country and a working week", async () => {
      const { coordinator, learner } = await organisation();
      expect((await call("GET", "/api/organisation", learner)).json()).toMatchObject({
        country: "NL",
        workingDays: [1, 2, 3, 4, 5],
      });
      const changed = await call("PATCH", "/api/organisation", coordinator, {
        country: "BE",
        workingDays: [4, 1, 2, 3],
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ country: "BE", workingDays: [1, 2, 3, 4] });
      expect((await call("PATCH", "/api/organisation", learner, { country: "NL" })).statusCode).toBe(403);
    });

    it("refuses an empty week, an unknown country or day, naming the field by its label in English and Dutch", async () => {
      const { coordinator } = await organisation();
      const empty = await call("PATCH", "/api/organisation", coordinator, { workingDays: [] }, "en");
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0]).toMatchObject({
        field: "workingDays",
        code: "no_working_days",
        message: "Working days: choose at least one day on which people work.",
      });
      const leeg = await call("PATCH", "/api/organisation", coordinator, { workingDays: [] }, "nl");
      expect(leeg.json().errors[0].message).toBe("Werkdagen: kies minstens één dag waarop er gewerkt wordt.");
      const country = await call("PATCH", "/api/organisation", coordinator, { country: "FR" }, "nl");
      expect(country.statusCode).toBe(400);
      expect(country.json().errors[0]).toMatchObject({ field: "country" });
      expect(country.json().errors[0].message).toContain("Land");
      const day = await call("PATCH", "/api/organisation", coordinator, { workingDays: [1, 8] });
      expect(day.json().errors[0]).toMatchObject({ field: "workingDays" });
      const twice = await call("PATCH", "/api/organisation", coordinator, { workingDays: [1, 1] });
      expect(twice.statusCode).toBe(400);
      expect((await call("GET", "/api/organisation", coordinator)).json()).toMatchObject({
        country: "NL",
        workingDays: [1, 2, 3, 4, 5],
      });
    });
  });

  describe("GET /api/cohorts/:cohortId", () => {
    it("never dates an activity on a weekend or a Dutch public holiday, and says where it moved from", async () => {
      const { coordinator, cohort } = await organisationWithCohort();
      const read = (await call("GET", `/api/cohorts/${cohort.id}`, coordinator)).json<CohortDetail>();
      const holidays = ["2028-12-25", "2028-12-26", "2029-01-01"];
      for (const { date } of read.assignments) {
        expect(isoWeekday(date)).toBeLessThan(6);
        expect(holidays).not.toContain(date);
      }
      // Before-work moves earlier: 5 days before is a Saturday, so the Friday.
      expect(dateOf(read, "Two recorded conversations: one that goes wrong, one that works")).toBe(
        "2028-12-15",
      );
      // Follow-up moves later, past the weekend, Christmas Day and Boxing Day.
      const practice = read.schedule.find((s) => s.title === "Practice questions (5 minutes)")!;
      expect(practice).toMatchObject({ date: "2028-12-27", movedFrom: "2028-12-23" });
      // Ten days after is Sunday 31 December; Monday is New Year's Day.
      expect(dateOf(read, "Ask a colleague for feedback on a real conversation")).toBe("2029-01-02");
      // The practice days stay where the coordinator put them.
      expect(dateOf(read, "Short recap and a live example")).toBe(PRACTICE_DAY);
      expect(read.sessionDates).toEqual([PRACTICE_DAY, SECOND_DAY]);
    });

    it("follows the organisation's country and working week as soon as they change", async () => {
      const { coordinator, cohort } = await organisationWithCohort();
      await call("PATCH", "/api/organisation", coordinator, { country: "BE" });
      const belgian = (await call("GET", `/api/cohorts/${cohort.id}`, coordinator)).json<CohortDetail>();
      // Boxing Day is a working day in Belgium.
      expect(dateOf(belgian, "Use your plan in the next difficult conversation and log how it went")).toBe(
        "2028-12-26",
      );
      await call("PATCH", "/api/organisation", coordinator, { workingDays: [1, 2, 3, 4] });
      const shortWeek = (await call("GET", `/api/cohorts/${cohort.id}`, coordinator)).json<CohortDetail>();
      // A day after the practice day is a Friday, outside a Monday-to-Thursday week.
      expect(dateOf(shortWeek, "Short survey: what can you do now, and who will help?")).toBe("2028-12-26");
    });

    it("refuses a practice day on a public holiday or outside the working week, saying which day", async () => {
      const { coordinator, cohort } = await organisationWithCohort();
      const christmas = await call(
        "PATCH",
        `/api/cohorts/${cohort.id}`,
        coordinator,
        { sessionDates: ["2028-12-25"] },
        "en",
      );
      expect(christmas.statusCode).toBe(400);
      expect(christmas.json().errors[0]).toMatchObject({ field: "sessionDates", code: "public_holiday" });
      expect(christmas.json().errors[0].message).toBe(
        "Practice-day dates: Monday, 25 December 2028 is a public holiday (Christmas Day); choose another day.",
      );
      await call("PATCH", "/api/organisation", coordinator, { workingDays: [1, 2, 3, 4] });
      const friday = await call(
        "PATCH",
        `/api/cohorts/${cohort.id}`,
        coordinator,
        { sessionDates: ["2028-12-22"] },
        "nl",
      );
      expect(friday.json().errors[0]).toMatchObject({ code: "not_a_working_day" });
      expect(friday.json().errors[0].message).toContain("vrijdag 22 december 2028");
      // Nothing changed.
      expect((await call("GET", `/api/cohorts/${cohort.id}`, coordinator)).json().sessionDates).toEqual([
        PRACTICE_DAY,
        SECOND_DAY,
      ]);
    });
  });

  describe("GET /api/cohorts/:cohortId/calendar.ics", () => {
    /** Content lines with folding undone (RFC 5545 §3.1). */
    const unfold = (body: string) => body.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
    const events = (body: string) =>
      unfold(body)
        .join("\n")
        .split("BEGIN:VEVENT")
        .slice(1)
        .map((chunk) => chunk.split("END:VEVENT")[0]!.split("\n").filter(Boolean));

    it("is a valid iCalendar file of every practice day and every activity on its moved date", async () => {
      const { coordinator, cohort } = await organisationWithCohort();
      const response = await call(
        "GET",
        `/api/cohorts/${cohort.id}/calendar.ics`,
        coordinator,
        undefined,
        "en",
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
      expect(response.headers["content-disposition"]).toBe(
        'attachment; filename="winter-klantgesprekken.ics"',
      );
      const body = response.body;
      expect(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
      expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
      for (const line of body.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      const all = events(body);
      for (const event of all) {
        for (const property of ["DTSTART", "UID:", "SUMMARY:", "DTSTAMP:"])
          expect(event.some((line) => line.startsWith(property))).toBe(true);
      }
      const uids = all.map((event) => event.find((line) => line.startsWith("UID:")));
      expect(new Set(uids).size).toBe(uids.length);
      const summaries = all.map((event) => event.find((line) => line.startsWith("SUMMARY:")));
      expect(summaries).toContain("SUMMARY:Practice day 1: Winter: Klantgesprekken");
      expect(summaries).toContain("SUMMARY:Practice day 2: Winter: Klantgesprekken");
      const starts = all.map((event) => event.find((line) => line.startsWith("DTSTART"))!);
      expect(starts).toContain("DTSTART;VALUE=DATE:20290104");
      expect(starts).toContain("DTSTART;VALUE=DATE:20281227");
      for (const holiday of ["20281223", "20281225", "20281226", "20290101"])
        expect(starts).not.toContain(`DTSTART;VALUE=DATE:${holiday}`);
      // Every activity off the practice days has an event; those on a practice day are in its programme.
      const offDays = cohort.schedule.filter((s) => ![PRACTICE_DAY, SECOND_DAY].includes(s.date));
      expect(all).toHaveLength(2 + offDays.length);
      expect(body).not.toContain("Anna");
    });

    it("is for the people who plan: a manager or learner may not download it", async () => {
      const { manager, learner, cohort } = await organisationWithCohort();
      expect((await call("GET", `/api/cohorts/${cohort.id}/calendar.ics`, manager)).statusCode).toBe(403);
      expect((await call("GET", `/api/cohorts/${cohort.id}/calendar.ics`, learner)).statusCode).toBe(403);
    });
  });
});
