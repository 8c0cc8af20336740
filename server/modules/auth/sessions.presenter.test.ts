import { describe, expect, it } from "vitest";
import { describeDevice, presentSessions } from "./sessions.presenter.ts";

describe("describeDevice", () => {
  it("names the browser and system people recognise", () => {
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Safari", os: "iPhone" });
    expect(
      describeDevice(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      ),
    ).toEqual({ browser: "Edge", os: "Windows" });
    expect(
      describeDevice(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      ),
    ).toEqual({ browser: "Chrome", os: "Android" });
    expect(
      describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0"),
    ).toEqual({ browser: "Firefox", os: "macOS" });
  });

  it("says nothing rather than guess", () => {
    expect(describeDevice(null)).toEqual({ browser: null, os: null });
    expect(describeDevice("curl/8.5.0")).toEqual({ browser: null, os: null });
  });
});

describe("presentSessions", () => {
  it("marks this device and never shows the raw User-Agent or token", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    const view = presentSessions(
      [
        {
          id: "a",
          createdAt: at,
          lastSeenAt: at,
          userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0",
        },
        { id: "b", createdAt: at, lastSeenAt: at, userAgent: null },
      ],
      "b",
    );
    expect(view.sessions.map((s) => [s.id, s.current, s.browser])).toEqual([
      ["a", false, "Firefox"],
      ["b", true, null],
    ]);
    expect(JSON.stringify(view)).not.toContain("X11");
  });
});
