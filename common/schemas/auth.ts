import { z } from "zod";
import { emailSchema, idSchema, passwordSchema } from "./common.ts";

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type SignInBody = z.infer<typeof signInBody>;

export const forgotPasswordBody = z.object({ email: emailSchema });
export const tokenPasswordBody = z.object({ token: z.string().min(20).max(200), password: passwordSchema });
export type TokenPasswordBody = z.infer<typeof tokenPasswordBody>;

export const tokenBody = z.object({ token: z.string().min(20).max(200) });
export const tokenInfo = z.object({ name: z.string(), email: z.string(), organisationName: z.string() });
export type TokenInfo = z.infer<typeof tokenInfo>;

/** An in-app password change: the current password proves it is the person, not a borrowed session. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const sessionParams = z.object({ sessionId: idSchema });

/** The person's own signed-in devices. Browser and system are names, not the raw User-Agent. */
export const sessionsView = z.object({
  sessions: z.array(
    z.object({
      id: idSchema,
      browser: z.string().nullable(),
      os: z.string().nullable(),
      createdAt: z.string(),
      lastActiveAt: z.string(),
      current: z.boolean(),
    }),
  ),
});
export type SessionsView = z.infer<typeof sessionsView>;
