/** A personal culture-scan link, wherever it stands in a message (invitation or reminder). */
const personalScanLink = /\S*\/scan#token=[\w-]+/g;

/**
 * A one-time sign-in link and its code (decision 0024) in a message to someone else: with them, whoever
 * reads the mailbox could sign in as the recipient.
 */
const signInLink = /\S*\/sign-in\/link#token=[\w-]+/g;
const signInCode = /^\d{3} \d{3}$/gm;

/**
 * A message for the development mailbox. Personal culture-scan links are replaced by `hiddenScanLink`:
 * with one, the coordinator could read that person's draft answers or see whether they answered.
 */
export function presentOutboxMessage(
  message: {
    id: string;
    toAddress: string;
    subject: string;
    textBody: string;
    status: "pending" | "sent" | "failed" | "held";
    createdAt: Date;
  },
  hiddenScanLink: string,
  hidden: { readerEmail: string; signInSecret: string } = { readerEmail: "", signInSecret: "" },
) {
  const forReader = message.toAddress === hidden.readerEmail;
  const text = message.textBody.replace(personalScanLink, hiddenScanLink);
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject,
    text: forReader
      ? text
      : text.replace(signInLink, hidden.signInSecret).replace(signInCode, hidden.signInSecret),
    status: message.status,
    createdAt: message.createdAt.toISOString(),
  };
}
