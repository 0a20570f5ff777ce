// Failed sign-ins, kept in the database (sign_in_failures, unlogged) so every
// server on it counts the same attempts: after `max` failures for one key
// within `windowMs`, further attempts are refused until the oldest of them
// leaves the window. Scopes keep the kinds of key apart (IP + e-mail, IP, account).
import type { Database } from '../db/client.js';

export interface LimiterOptions { max: number; windowMs: number }

export class FailureLimiter {
  constructor(private readonly database: Database, private readonly scope: string, private readonly opts: LimiterOptions) {}

  /** Seconds to wait before another attempt, or 0 when allowed. */
  async retryAfter(key: string): Promise<number> {
    const [r] = await this.database.query<{ n: string; wait: string | null }>(
      `select count(*) n, ceil(extract(epoch from min(at) + $3 * interval '1 millisecond' - now())) wait
         from sign_in_failures where scope = $1 and key = $2 and at > now() - $3 * interval '1 millisecond'`,
      [this.scope, key, this.opts.windowMs]);
    return Number(r.n) < this.opts.max ? 0 : Math.max(1, Number(r.wait ?? 1));
  }

  async fail(key: string): Promise<void> {
    await this.database.query('insert into sign_in_failures (scope, key) values ($1, $2)', [this.scope, key]);
    // Now and then, forget failures past the window (any server may; the table stays small).
    if (Math.random() < 0.05) {
      await this.database.query(`delete from sign_in_failures where scope = $1 and at < now() - $2 * interval '1 millisecond'`, [this.scope, this.opts.windowMs]);
    }
  }

  async succeed(key: string): Promise<void> {
    await this.database.query('delete from sign_in_failures where scope = $1 and key = $2', [this.scope, key]);
  }
}

export interface SignInLimits {
  /** Per IP + e-mail: 5 in 15 minutes. */
  ipEmail: FailureLimiter;
  /** Per IP across accounts (password spraying): 20 in 15 minutes. */
  ip: FailureLimiter;
  /** Per account from anywhere (a distributed guess): 10 in 15 minutes locks it for the rest of the window. */
  account: FailureLimiter;
}

const WINDOW = 15 * 60_000;

export function signInLimits(database: Database): SignInLimits {
  return {
    ipEmail: new FailureLimiter(database, 'ip+email', { max: 5, windowMs: WINDOW }),
    ip: new FailureLimiter(database, 'ip', { max: 20, windowMs: WINDOW }),
    account: new FailureLimiter(database, 'account', { max: 10, windowMs: WINDOW }),
  };
}
