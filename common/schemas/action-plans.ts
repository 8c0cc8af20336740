import { z } from "zod";

export const planCheckBody = z.object({
  situation: z.string().max(500),
  action: z.string().max(1000),
});

export const planCheckResult = z.object({
  findings: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["high", "medium"]),
      message: z.string(),
      suggestion: z.string(),
    }),
  ),
});
