/**
 * Sign-in attempts per key (an account's NIP, a client address) in a sliding window. In memory per
 * instance: the lockout, which must hold across instances, lives in the database; this only
 * slows a caller down (OWASP ASVS 2.2.1: anti-automation on authentication).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Records an attempt; false when the key has used up its attempts in the window. */
  take(key: string): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > t - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.sweep(t);
    return true;
  }

  private sweep(t: number): void {
    for (const [key, list] of this.hits) if (!list.some((at) => at > t - this.windowMs)) this.hits.delete(key);
  }
}
