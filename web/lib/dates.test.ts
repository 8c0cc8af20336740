import { describe, expect, it } from "vitest";
import { instantFromLocalInput, localDateTimeInput } from "./dates.ts";

describe("datetime-local values", () => {
  it("shows a moment in the browser's own time zone, to the minute", () => {
    expect(localDateTimeInput(new Date(2025, 0, 2, 3, 4, 59))).toBe("2025-01-02T03:04");
  });

  it("reads an ISO instant the same way", () => {
    const moment = new Date(2025, 10, 25, 9, 0);
    expect(localDateTimeInput(moment.toISOString())).toBe("2025-11-25T09:00");
  });

  it("turns a field's value back into the same instant", () => {
    expect(instantFromLocalInput("2025-11-25T09:00")).toBe(new Date(2025, 10, 25, 9, 0).toISOString());
  });

  it("leaves an empty field empty, so the server names the missing field", () => {
    expect(instantFromLocalInput("")).toBeUndefined();
  });
});
