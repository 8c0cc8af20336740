import { z } from "zod";

const scores = z.array(z.number().finite()).min(2).max(10_000);
const paired = z.object({ pre: scores, post: scores });

/** The stateless effect-size calculator's input: raw scores for one of three designs. */
export const effectSizeBody = z.discriminatedUnion("design", [
  z.object({ design: z.literal("independent"), groupA: scores, groupB: scores }),
  z.object({ design: z.literal("pre-post"), pre: scores, post: scores }),
  z.object({ design: z.literal("pre-post-control"), treatment: paired, control: paired }),
]);
export type EffectSizeBody = z.infer<typeof effectSizeBody>;

export const effectSizeResult = z.object({
  design: z.enum(["independent", "pre-post", "pre-post-control"]),
  n: z.number().int(),
  estimates: z.array(
    z.object({
      metric: z.enum(["g", "d_z", "d_rm", "d_ppc2"]),
      value: z.number(),
      ciLow: z.number(),
      ciHigh: z.number(),
    }),
  ),
  notes: z.array(z.string()),
});
export type EffectSizeResult = z.infer<typeof effectSizeResult>;
