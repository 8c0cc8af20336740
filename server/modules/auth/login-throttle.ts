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
