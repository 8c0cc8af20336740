import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";

describe("POST /api/effect-sizes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (payload: object, language = "en") =>
    t.app.inject({
      method: "POST",
      url: "/api/effect-sizes",
      headers: { "accept-language": language },
      payload,
    });

  const pre = [52, 61, 47, 55, 66, 58, 49, 63, 57, 60, 54, 50];
  const post_ = [60, 66, 55, 58, 74, 63, 57, 70, 60, 69, 59, 55];

  it("computes g for two independent groups, with an interval and what it means", async () => {
    const response = await post({ design: "independent", groupA: post_, groupB: pre });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ design: "independent", n: 24 });
    expect(body.estimates).toHaveLength(1);
    const g = body.estimates[0];
    expect(g.metric).toBe("g");
    expect(g.ciLow).toBeLessThan(g.value);
    expect(g.ciHigh).toBeGreaterThan(g.value);
    expect(body.notes.join(" ")).toContain("random assignment");
  });

  it("computes d_z and d_rm for paired scores and warns that they are not comparable with controlled effects", async () => {
    const body = (await post({ design: "pre-post", pre, post: post_ }, "nl")).json();
    expect(body.estimates.map((e: { metric: string }) => e.metric)).toEqual(["d_z", "d_rm"]);
    expect(body.estimates[0].value).toBeGreaterThan(body.estimates[1].value);
    expect(body.notes.join(" ")).toContain("scharnierpunt 0,40");
  });

  it("computes d_ppc2 for pre-post with a comparison group", async () => {
    const control = { pre, post: pre.map((x, i) => x + (i % 3) - 1) };
    const body = (
      await post({ design: "pre-post-control", treatment: { pre, post: post_ }, control })
    ).json();
    expect(body.estimates[0]).toMatchObject({ metric: "d_ppc2" });
    expect(body.estimates[0].value).toBeGreaterThan(0.5);
  });

  it("says 'too few to say' below five people per group", async () => {
    const body = (await post({ design: "pre-post", pre: [1, 2, 3], post: [2, 3, 5] })).json();
    expect(body.estimates).toEqual([]);
    expect(body.notes[0]).toContain("Too few to say");
  });

  it("refuses paired arrays of different lengths, naming the field", async () => {
    const response = await post({ design: "pre-post", pre, post: post_.slice(1) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: "post", code: "length_mismatch" });
  });

  it("refuses an unknown design and non-numbers", async () => {
    expect((await post({ design: "anecdote", pre, post: post_ })).statusCode).toBe(400);
    expect((await post({ design: "pre-post", pre: ["a", "b"], post: [1, 2] })).statusCode).toBe(400);
  });
});
