import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";

export type NotificationPermission = "mailbox.read";

/** The development mailbox shows everyone's email, so only a coordinator reads it. */
export const notificationGrants: Grants<NotificationPermission> = {
  "mailbox.read": ["coordinator"],
};

export function authorize(actor: Actor, permission: NotificationPermission): void {
  authorizeWith(notificationGrants, actor, permission);
}
