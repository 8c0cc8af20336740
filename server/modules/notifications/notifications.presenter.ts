/** A personal culture-scan link, wherever it stands in a message (invitation or reminder). */
const personalScanLink = /\S*\/scan#token=[\w-]+/g;

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
) {
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody.replace(personalScanLink, hiddenScanLink),
    status: message.status,
    createdAt: message.createdAt.toISOString(),
  };
}
