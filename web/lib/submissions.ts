/**
 * One Idempotency-Key per submission, so a double click, a second tap on a slow phone or a retry after a
 * lost answer makes one record and one email (the server replays its first answer). A submission is
 * the same when method, address and body equal those of the previous write and it comes within
 * `SAME_SUBMISSION_MS` of it. Any other write in between makes it a new submission: archive, restore,
 * archive again is three changes, and so is a toggle sent back and forth (done, not done, done).
 * After a network failure the key is kept until an answer arrives (at most a day), because the first
 * send may have reached the server.
 */
export const SAME_SUBMISSION_MS = 10_000;
export const AFTER_NETWORK_FAILURE_MS = 24 * 60 * 60 * 1000;

interface Submission {
  address: string;
  body: string;
  key: string;
  until: number;
}

export class Submissions {
  #last: Submission | undefined;
  readonly #unanswered = new Map<string, Submission>();
  readonly #clock: () => number;
  readonly #newKey: () => string;

  constructor(clock: () => number = Date.now, newKey: () => string = () => crypto.randomUUID()) {
    this.#clock = clock;
    this.#newKey = newKey;
  }

  /** The key for this request: the earlier one when it is the same submission, else a new one. */
  keyFor(method: string, path: string, body: string | undefined): string {
    const now = this.#clock();
    const address = `${method} ${path}`;
    const text = body ?? "";
    for (const [id, submission] of this.#unanswered) if (submission.until < now) this.#unanswered.delete(id);
    const unanswered = this.#unanswered.get(address);
    if (unanswered?.body === text) return unanswered.key;
    const last = this.#last;
    if (last && last.until >= now && last.address === address && last.body === text) return last.key;
    this.#last = { address, body: text, key: this.#newKey(), until: now + SAME_SUBMISSION_MS };
    return this.#last.key;
  }

  /** The send failed before an answer came: keep its key, so a retry cannot make a second record. */
  keepAfterNetworkFailure(method: string, path: string, body: string | undefined): void {
    const last = this.#last;
    if (!last || last.address !== `${method} ${path}` || last.body !== (body ?? "")) return;
    this.#unanswered.set(last.address, { ...last, until: this.#clock() + AFTER_NETWORK_FAILURE_MS });
  }

  /** An answer arrived: a kept key has done its work, and a later send of the same form is new. */
  answered(method: string, path: string): void {
    this.#unanswered.delete(`${method} ${path}`);
  }
}
