// Sign-in attempts: after `max` failures for one key (IP + e-mail) within
// `windowMs`, further attempts are refused until the window passes. In memory,
// per process: with several servers each counts on its own (stricter proxies may add more).
export interface LimiterOptions { max: number; windowMs: number; now?: () => number }

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  constructor(private readonly opts: LimiterOptions) { this.now = opts.now ?? Date.now; }

  /** Seconds to wait before another attempt, or 0 when allowed. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.opts.max) return 0;
    return Math.ceil((recent[0] + this.opts.windowMs - this.now()) / 1000);
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  succeed(key: string): void { this.failures.delete(key); }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
