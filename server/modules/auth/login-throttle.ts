/**
 * Counts failed sign-ins per key (IP + email) in a sliding window. Only failures count, and a success
 * clears the key, so a person who signs in often is never slowed down, while someone guessing at an
 * address from one place is. Keyed per IP as well, an attacker cannot lock the owner out from elsewhere.
 *
 * In memory: with several web processes each has its own counts, which still bounds guessing.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;

  constructor(options: { maxFailures?: number; windowMs?: number; maxKeys?: number } = {}) {
    this.#maxFailures = options.maxFailures ?? 10;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  #recent(key: string, now: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((at) => now - at < this.#windowMs);
    if (recent.length) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent;
  }

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(key: string, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#maxFailures) return 0;
    return Math.ceil((recent[0]! + this.#windowMs - now) / 1000);
  }

  recordFailure(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#failures.delete(key);
    this.#failures.set(key, recent);
    // Bound memory: forget the least recently failing keys first.
    while (this.#failures.size > this.#maxKeys) this.#failures.delete(this.#failures.keys().next().value!);
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }
}

/**
 * Slows down guessing at one account from anywhere (many IPs together), without locking the owner out.
 * The first `freeFailures` failures cost nothing; after that each attempt must wait for a delay that
 * doubles with every further failure (1 s, 2 s, 4 s … up to `maxDelayMs`), counted from the last failure.
 * A correct password after the delay passes and clears the count. Failures and successes from a trusted
 * device (see trusted-devices.ts) are not counted here, and such a device is not held back: the owner
 * keeps signing in where they always do while someone sprays guesses from a botnet.
 *
 * Counts are forgotten a day after the last failure. In memory, like LoginThrottle.
 */
export class AccountThrottle {
  readonly #state = new Map<string, { failures: number; last: number }>();
  readonly #freeFailures: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #forgetAfterMs: number;
  readonly #maxKeys: number;

  constructor(
    options: {
      freeFailures?: number;
      baseDelayMs?: number;
      maxDelayMs?: number;
      forgetAfterMs?: number;
      maxKeys?: number;
    } = {},
  ) {
    this.#freeFailures = options.freeFailures ?? 20;
    this.#baseDelayMs = options.baseDelayMs ?? 1_000;
    this.#maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
    this.#forgetAfterMs = options.forgetAfterMs ?? 24 * 3_600_000;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  #current(key: string, now: number) {
    const state = this.#state.get(key);
    if (state && now - state.last > this.#forgetAfterMs) {
      this.#state.delete(key);
      return undefined;
    }
    return state;
  }

  /** Seconds until the next attempt at this account is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(key: string, now: number): number {
    const state = this.#current(key, now);
    if (!state || state.failures < this.#freeFailures) return 0;
    const exponent = Math.min(state.failures - this.#freeFailures, 30);
    const delay = Math.min(this.#baseDelayMs * 2 ** exponent, this.#maxDelayMs);
    return Math.max(0, Math.ceil((state.last + delay - now) / 1000));
  }

  recordFailure(key: string, now: number): void {
    const state = this.#current(key, now);
    this.#state.delete(key);
    this.#state.set(key, { failures: (state?.failures ?? 0) + 1, last: now });
    while (this.#state.size > this.#maxKeys) this.#state.delete(this.#state.keys().next().value!);
  }

  recordSuccess(key: string): void {
    this.#state.delete(key);
  }
}
