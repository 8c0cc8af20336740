import { describe, expect, it } from "vitest";
import type { WorkingCalendar } from "../../../common/working-week.ts";
import { dayOffReason, holidayName, isWorkingDay, toWorkingDay } from "./working-days.ts";

const netherlands: WorkingCalendar = { country: "NL", workingDays: [1, 2, 3, 4, 5] };
const belgium: WorkingCalendar = { country: "BE", workingDays: [1, 2, 3, 4, 5] };
const mondayToThursday: WorkingCalendar = { country: "NL", workingDays: [1, 2, 3, 4] };

describe("toWorkingDay", () => {
  it("keeps a working day as it is", () => {
    expect(toWorkingDay("2027-03-10", "later", netherlands)).toBe("2027-03-10");
    expect(toWorkingDay("2027-03-10", "earlier", netherlands)).toBe("2027-03-10");
  });

  it("moves a Saturday to the Monday after, or the Friday before", () => {
    expect(toWorkingDay("2027-03-13", "later", netherlands)).toBe("2027-03-15");
    expect(toWorkingDay("2027-03-13", "earlier", netherlands)).toBe("2027-03-12");
    expect(toWorkingDay("2027-03-14", "earlier", netherlands)).toBe("2027-03-12");
  });

  it("skips Christmas and Boxing Day in the Netherlands, and the weekend after them", () => {
    // 2026: Christmas on a Friday, Boxing Day on the Saturday.
    expect(toWorkingDay("2026-12-25", "later", netherlands)).toBe("2026-12-28");
    expect(toWorkingDay("2026-12-26", "earlier", netherlands)).toBe("2026-12-24");
  });

  it("skips two holidays in a row on working days", () => {
    // 2025: Christmas on a Thursday, Boxing Day on the Friday.
    expect(toWorkingDay("2025-12-25", "later", netherlands)).toBe("2025-12-29");
    expect(toWorkingDay("2025-12-26", "earlier", netherlands)).toBe("2025-12-24");
  });

  it("knows Belgium's holidays: 21 July is a day off there, not in the Netherlands", () => {
    expect(toWorkingDay("2026-07-21", "later", belgium)).toBe("2026-07-22");
    expect(toWorkingDay("2026-07-21", "later", netherlands)).toBe("2026-07-21");
    // Boxing Day is a working day in Belgium.
    expect(toWorkingDay("2025-12-26", "later", belgium)).toBe("2025-12-26");
  });

  it("follows a custom working week (Monday to Thursday)", () => {
    expect(toWorkingDay("2027-03-12", "later", mondayToThursday)).toBe("2027-03-15");
    expect(toWorkingDay("2027-03-12", "earlier", mondayToThursday)).toBe("2027-03-11");
  });
});

describe("what counts as a day off", () => {
  it("counts public holidays only: Koningsdag yes, Bevrijdingsdag and Good Friday no", () => {
    expect(dayOffReason("2026-04-27", netherlands)).toBe("public_holiday");
    expect(isWorkingDay("2025-05-05", netherlands)).toBe(true);
    expect(isWorkingDay("2026-04-03", netherlands)).toBe(true);
  });

  it("says whether a day is outside the working week or a holiday", () => {
    expect(dayOffReason("2027-03-13", netherlands)).toBe("not_a_working_day");
    expect(dayOffReason("2026-12-25", netherlands)).toBe("public_holiday");
    expect(dayOffReason("2026-12-24", netherlands)).toBeNull();
  });

  it("names a holiday in the reader's language", () => {
    expect(holidayName("2026-12-25", "NL", "en")).toBe("Christmas Day");
    expect(holidayName("2026-07-21", "BE", "nl")).toBe("Nationale feestdag");
    expect(holidayName("2026-12-24", "NL", "en")).toBeNull();
  });
});
