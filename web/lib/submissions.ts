/**
 * One Idempotency-Key per submission, so a double click, a second tap on a slow phone or a retry after a
 * lost answer makes one record and one email (the server replays its first answer). A submission is
 * the same when method, address and body are the same as the last one to that address and it comes
 * within `SAME_SUBMISSION_MS` of it; someone who means to send the same form again does so later, and a
 * toggle sent back and forth (done, not done, done) changes the body in between. After a network
 * failure the key is kept longer, because the first send may have arrived.
 */
export const SAME_SUBMISSION_MS = 10_000;
export const AFTER_NETWORK_FAILURE_MS = 24 * 60 * 60 * 1000;

interface Submission {
  body: string;
  key: string;
  until: number;
}

export class Submissions {
  readonly #recent = new Map<string, Submission>();
  readonly #clock: () => number;
  readonly #newKey: () => string;

  constructor(clock: () => number = Date.now, newKey: () => string = () => crypto.randomUUID()) {
    this.#clock = clock;
    this.#newKey = newKey;
  }

  /** The key for this request: the earlier one when it is the same submission, else a new one. */
  keyFor(method: string, path: string, body: string | undefined): string {
    const now = this.#clock();
    for (const [id, submission] of this.#recent) if (submission.until < now) this.#recent.delete(id);
    const address = `${method} ${path}`;
    const known = this.#recent.get(address);
    if (known && known.body === (body ?? "")) return known.key;
    const key = this.#newKey();
    this.#recent.set(address, { body: body ?? "", key, until: now + SAME_SUBMISSION_MS });
    return key;
  }

  /** The send failed before an answer came: keep its key, so a retry cannot make a second record. */
  keepAfterNetworkFailure(method: string, path: string, body: string | undefined): void {
    const known = this.#recent.get(`${method} ${path}`);
    if (known && known.body === (body ?? "")) known.until = this.#clock() + AFTER_NETWORK_FAILURE_MS;
  }
}
