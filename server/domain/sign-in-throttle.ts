// Per-account brake on password guessing: after MAX_FAILURES failed sign-ins for one email
// within WINDOW_MS, further attempts for that email are refused until the oldest failure ages
// out. better-auth's own limiter counts per client address; this one counts per account, so
// guessing from many addresses is slowed too.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export class SignInThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(account: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const kept = (this.failures.get(account) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.failures.set(account, kept);
    else this.failures.delete(account);
    return kept;
  }

  /** Milliseconds until this account may try again; 0 when it may try now. */
  retryAfterMs(account: string): number {
    const recent = this.recent(account);
    if (recent.length < MAX_FAILURES) return 0;
    return recent[recent.length - MAX_FAILURES] + WINDOW_MS - this.now();
  }

  recordFailure(account: string) {
    this.failures.set(account, [...this.recent(account), this.now()]);
  }

  recordSuccess(account: string) {
    this.failures.delete(account);
  }
}
