import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.ts";

describe("loadConfig", () => {
  it("defaults to an embedded database, port 3000 and the demo organisation", () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe("pglite");
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.seedDemo).toBe(true);
    expect(config.cookieSecure).toBe(false);
  });

  it("uses a PostgreSQL server from DATABASE_URL, without the demo unless asked", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/beklijf" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u:p@db:5432/beklijf" });
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/b", DEMO_SEED: "true" }).seedDemo).toBe(true);
  });

  it("trusts no proxy headers unless told to", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    const oneHop = loadConfig({ TRUST_PROXY: "1" }).trustProxy as (address: string, hop: number) => boolean;
    expect([oneHop("10.0.0.1", 0), oneHop("10.0.0.2", 1)]).toEqual([true, false]);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1,10.0.0.2" }).trustProxy).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY/);
  });

  it("marks cookies secure behind HTTPS", () => {
    expect(loadConfig({ PUBLIC_URL: "https://leren.example.nl/" }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: "https://leren.example.nl/" }).publicUrl).toBe(
      "https://leren.example.nl",
    );
  });

  it("explains every bad setting at once, without echoing secrets", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://root:hunter2@db/x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("hunter2");
    }
  });
});
