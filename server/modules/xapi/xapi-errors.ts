/**
 * An answer of the xAPI resources that is not a success. The LRS speaks the xAPI wire format (status
 * codes the spec names, a short English message), not Beklijf's problem+json: the clients are content
 * packages and other learning systems, not people reading a form.
 */
export class XapiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "XapiError";
    this.status = status;
  }
}

/** A statement, document or query that breaks a rule of the spec. */
export const invalid = (message: string) => new XapiError(400, message);
