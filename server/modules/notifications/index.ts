/** What other modules may use of this one; everything else in the folder is its own business. */
export { createMailer } from "./mailer.ts";
export { renderEmail } from "./email-templates.ts";
export { deliverOutbox, deliverSoon, enqueueEmail, enqueueEmails } from "./outbox.service.ts";
export { findRecipients, hasRowIn, type Recipient, recipientsOf } from "./recipients.ts";
