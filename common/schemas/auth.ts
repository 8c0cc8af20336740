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
      /** How the session began; null for sessions from before this was kept. */
      method: z.enum(["password", "email-link", "sign-in-card", "link", "sso"]).nullable(),
    }),
  ),
});
export type SessionsView = z.infer<typeof sessionsView>;

/** Asking for a sign-in link by email. */
export const emailLinkBody = z.object({ email: emailSchema });

/**
 * Redeeming a sign-in link (`token`), or the six-digit code from the same email typed on the device
 * that asked (`email` and `code`; spaces are allowed, "123 456" reads better than "123456").
 */
export const emailLinkRedeemBody = z.object({
  token: z.string().min(20).max(200).optional(),
  email: emailSchema.optional(),
  code: z
    .string()
    .max(20)
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/))
    .optional(),
});
export type EmailLinkRedeemBody = z.input<typeof emailLinkRedeemBody>;

/** A person's printed sign-in card, as the coordinator sees it; null when there is no live card. */
export const signInCardView = z.object({
  card: z
    .object({
      printedAt: z.string(),
      expiresAt: z.string().nullable(),
      lastUsedAt: z.string().nullable(),
      uses: z.number().int(),
    })
    .nullable(),
});
export type SignInCardView = z.infer<typeof signInCardView>;

/** Printing a card: how long it stays valid (months), or null for "until revoked". */
export const printSignInCardBody = z.object({
  validMonths: z.union([z.literal(3), z.literal(6), z.literal(12)]).nullable(),
});
