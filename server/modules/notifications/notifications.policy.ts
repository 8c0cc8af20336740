import { authorizerFor, type Grants } from "../../policy.ts";

export type NotificationPermission = "mailbox.read";

/** The development mailbox shows everyone's email, so only a coordinator reads it. */
export const notificationGrants: Grants<NotificationPermission> = {
  "mailbox.read": ["coordinator"],
};

export const authorize = authorizerFor(notificationGrants);
