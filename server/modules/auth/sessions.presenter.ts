import type { SessionsView } from "../../../common/schemas/auth.ts";

/**
 * A recognisable name for the browser and system in a User-Agent, or null. Only the common ones: the
 * point is that a person can tell "Safari on iPhone" from "Edge on Windows", not device forensics.
 * Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iPhones say "Mac OS X".
 */
export function describeDevice(userAgent: string | null): { browser: string | null; os: string | null } {
  const ua = userAgent ?? "";
  const browsers: [RegExp, string][] = [
    [/Edg(e|A|iOS)?\//, "Edge"],
    [/OPR\/|Opera/, "Opera"],
    [/SamsungBrowser\//, "Samsung Internet"],
    [/Firefox\/|FxiOS\//, "Firefox"],
    [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
    [/Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/iPhone/, "iPhone"],
    [/iPad/, "iPad"],
    [/Android/, "Android"],
    [/Windows/, "Windows"],
    [/CrOS/, "ChromeOS"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/Linux/, "Linux"],
  ];
  return {
    browser: browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    os: systems.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}

export function presentSessions(
  rows: {
    id: string;
    createdAt: Date;
    lastSeenAt: Date;
    userAgent: string | null;
    method?: SessionsView["sessions"][number]["method"];
  }[],
  currentSessionId: string,
): SessionsView {
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      ...describeDevice(row.userAgent),
      createdAt: row.createdAt.toISOString(),
      lastActiveAt: row.lastSeenAt.toISOString(),
      current: row.id === currentSessionId,
      method: row.method ?? null,
    })),
  };
}
