import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";

describe("POST /api/effect-sizes", () => {
  const t = useTestApp();

  const post = (payload: object, language = "en") =>
    t.app.inject({
      method: "POST",
      url: "/api/effect-sizes",
      headers: { "accept-language": language },
      payload,
    });
  /** The calculator's answer to a request it must accept. */
  const computed = async (payload: object, language = "en") => {
    const response = await post(payload, language);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const pre = [52, 61, 47, 55, 66, 58, 49, 63, 57, 60, 54, 50];
  const post_ = [60, 66, 55, 58, 74, 63, 57, 70, 60, 69, 59, 55];

  it("computes g for two independent groups, with an interval and what it means", async () => {
    const body = await computed({ design: "independent", groupA: post_, groupB: pre });
    expect(body).toMatchObject({ design: "independent", n: 24 });
    expect(body.estimates).toHaveLength(1);
    const g = body.estimates[0];
    expect(g.metric).toBe("g");
    expect(g.ciLow).toBeLessThan(g.value);
    expect(g.ciHigh).toBeGreaterThan(g.value);
    expect(body.notes.join(" ")).toContain("random assignment");
  });

  it("computes d_pre (the headline), d_z and d_rm for paired scores and warns that they are not comparable with controlled effects", async () => {
    const body = await computed({ design: "pre-post", pre, post: post_ }, "nl");
    expect(body.headline).toBe("d_pre");
    expect(body.estimates.map((e: { metric: string }) => e.metric)).toEqual(["d_pre", "d_z", "d_rm"]);
    expect(body.estimates[1].value).toBeGreaterThan(body.estimates[2].value);
    expect(body.estimates.every((e: { corrected: boolean }) => e.corrected)).toBe(true);
    expect(body.notes.join(" ")).toContain("scharnierpunt 0,40");
    expect(body.notes.join(" ")).toContain("Hedges' J");
  });

  // Issue 13: every learner gained the same, so the pre-post correlation is 1.
  const issuePre = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3, 7];
  const issuePost = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 5, 9];

  it("answers with d_pre and a clear note when every learner gained the same", async () => {
    const body = await computed({ design: "pre-post", pre: issuePre, post: issuePost });
    // J(11)·2/SD_pre = 0.92996·2/2.874918 = 0.647
    expect(body.estimates).toEqual([expect.objectContaining({ metric: "d_pre", value: 0.647 })]);
    expect(body.notes.join(" ")).toMatch(/changed by the same amount/);
    const dutch = await computed({ design: "pre-post", pre: issuePre, post: issuePost }, "nl");
    expect(dutch.notes.join(" ")).toMatch(/evenveel/);
  });

  it("answers pre-post-control when everyone in both groups changed by the same amount", async () => {
    const body = await computed({
      design: "pre-post-control",
      treatment: { pre: issuePre, post: issuePost },
      control: { pre: issuePre, post: issuePre.map((x) => x + 1) },
    });
    expect(body.estimates[0]).toMatchObject({ metric: "d_ppc2" });
  });

  it("refuses scores times 1e154 with a clear message, and gives offsets of 1e14 the plain scores' answer", async () => {
    const plain = await computed({ design: "pre-post", pre, post: post_ });
    // The input guard refuses numbers beyond 1e15 for every route; the pure calculator copes with them
    // too (see effect-size-calculator.test.ts), but no score scale needs them.
    const huge = await post({
      design: "pre-post",
      pre: pre.map((x) => x * 1e154),
      post: post_.map((x) => x * 1e154),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0]).toMatchObject({ field: "pre", code: "number_out_of_range" });
    const offset = await post({
      design: "pre-post",
      pre: pre.map((x) => x + 1e14),
      post: post_.map((x) => x + 1e14),
    });
    expect(offset.json().estimates).toEqual(plain.estimates);
  });

  it("computes d_ppc2 for pre-post with a comparison group", async () => {
    const control = { pre, post: pre.map((x, i) => x + (i % 3) - 1) };
    const body = await computed({ design: "pre-post-control", treatment: { pre, post: post_ }, control });
    expect(body.estimates[0]).toMatchObject({ metric: "d_ppc2" });
    expect(body.estimates[0].value).toBeGreaterThan(0.5);
  });

  it("says 'too few to say' below five people per group", async () => {
    const body = await computed({ design: "pre-post", pre: [1, 2, 3], post: [2, 3, 5] });
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
