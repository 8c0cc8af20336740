import { z } from "zod";
import { idSchema } from "./common.ts";

/** A six-digit code from an authenticator app (spaces, as apps show them, are allowed). */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/));

/** A recovery code as printed (`abcd-efgh-jkmn-pqrs`); dashes, spaces and capitals are forgiven. */
export const recoveryCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.toLowerCase().replace(/[^a-z0-9]/g, ""))
  .pipe(z.string().length(16));

/** The person's name for a factor, so they can tell two apart. */
export const factorLabelSchema = z.string().trim().min(1).max(80);

/**
 * A WebAuthn answer as `@simplewebauthn/browser` sends it: checked for its shape here and for its
 * meaning (signature, challenge, origin) by `@simplewebauthn/server`.
 */
export const webauthnResponseSchema = z.looseObject({
  id: z.string().min(1).max(1500),
  rawId: z.string().min(1).max(1500),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().max(10_000) }),
  clientExtensionResults: z.looseObject({}).default({}),
});

/** "Remember this device": the next sign-in on this browser skips the second factor for 30 days. */
const rememberDevice = z.boolean().default(false);

export const verifyTotpBody = z.object({ code: totpCodeSchema, rememberDevice });
export const verifyRecoveryCodeBody = z.object({ recoveryCode: recoveryCodeSchema, rememberDevice });
export const verifyPasskeyBody = z.object({ passkey: webauthnResponseSchema, rememberDevice });

/** What the "prove it is you" screen offers: the kinds of factor the person has. */
export const secondFactorChallenge = z.object({
  /** A remembered device settled it: the browser has a full session now. */
  done: z.boolean(),
  passkey: z.boolean(),
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallenge>;

export const authenticatorAppSetup = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** The `otpauth://` address the QR code holds. */
  uri: z.string(),
  /** The QR code as a PNG image (a data: address). */
  qrCode: z.string(),
});
export type AuthenticatorAppSetup = z.infer<typeof authenticatorAppSetup>;

export const confirmAuthenticatorAppBody = z.object({ code: totpCodeSchema, label: factorLabelSchema });
export const registerPasskeyBody = z.object({ passkey: webauthnResponseSchema, label: factorLabelSchema });

/** After setting up a factor: new recovery codes when it was the first (shown once), else none. */
export const factorAdded = z.object({ recoveryCodes: z.array(z.string()).nullable() });
export type FactorAdded = z.infer<typeof factorAdded>;
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

export const factorParams = z.object({ factorId: idSchema });
export const renameFactorBody = z.object({ label: factorLabelSchema });

export const secondFactorView = z.object({
  id: idSchema,
  kind: z.enum(["passkey", "totp"]),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type SecondFactorView = z.infer<typeof secondFactorView>;

/** The profile's view of one's own second factors. */
export const mySecondFactors = z.object({
  factors: z.array(secondFactorView),
  recoveryCodesLeft: z.number().int(),
  rememberedDevices: z.array(z.object({ id: idSchema, createdAt: z.string(), expiresAt: z.string() })),
  /** The organisation requires a factor of this person: the last one cannot be removed. */
  required: z.boolean(),
});
export type MySecondFactors = z.infer<typeof mySecondFactors>;

export const secondFactorPolicy = z.object({ requiredForStaff: z.boolean() });
export type SecondFactorPolicy = z.infer<typeof secondFactorPolicy>;

/** What a coordinator sees of a colleague: whether they have a factor, never which secrets. */
export const personSecondFactor = z.object({
  kinds: z.array(z.enum(["passkey", "totp"])),
  recoveryCodesLeft: z.number().int(),
});
export type PersonSecondFactor = z.infer<typeof personSecondFactor>;
