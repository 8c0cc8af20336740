import { z } from "zod";
import { emailSchema, passwordSchema } from "./common.ts";

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type SignInBody = z.infer<typeof signInBody>;

export const forgotPasswordBody = z.object({ email: emailSchema });
export const tokenPasswordBody = z.object({ token: z.string().min(20).max(200), password: passwordSchema });
export type TokenPasswordBody = z.infer<typeof tokenPasswordBody>;

export const tokenBody = z.object({ token: z.string().min(20).max(200) });
export const tokenInfo = z.object({ name: z.string(), email: z.string(), organisationName: z.string() });
export type TokenInfo = z.infer<typeof tokenInfo>;
