import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';

export interface SignInLimitSettings {
  /** Failures allowed per username from one address in a window. */
  perAccount: number;
  /** Failures allowed from one address in a window, across all usernames. */
  perAddress: number;
  windowMs: number;
}

/*
 * Sign-in limits (ASVS V2.2.1): only failures count, per username and address and per address
 * alone, in a sliding window. They are rows in the database, so every instance sees the same
 * count; two instances may both let one last attempt through at the same moment, which costs an
 * attacker one guess, not a way around the limit.
 */
export class SignInLimits {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: SignInLimitSettings,
  ) {}

  /** Refuses with 429 (and how long to wait) while either limit is reached. */
  async check(address: string, username: string): Promise<void> {
    const since = this.windowStart();
    const failures = await this.db
      .selectFrom('sign_in_failures')
      .select(['username', 'failed_at'])
      .where('address', '=', address)
      .where('failed_at', '>', since)
      .orderBy('failed_at')
      .execute();
    const mine = failures.filter((f) => f.username === username);
    const blocking =
      mine.length >= this.settings.perAccount
        ? mine[mine.length - this.settings.perAccount]
        : failures.length >= this.settings.perAddress
          ? failures[failures.length - this.settings.perAddress]
          : undefined;
    if (!blocking) return;
    const seconds = Math.max(
      1,
      Math.ceil((Date.parse(blocking.failed_at) + this.settings.windowMs - this.clock.now().getTime()) / 1000),
    );
    throw new AppError(429, 'rate-limited', 'problem.rateLimited', { seconds });
  }

  async recordFailure(address: string, username: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.insertInto('sign_in_failures').values({ id: newId(), address, username, failed_at: now }).execute();
    await this.db.deleteFrom('sign_in_failures').where('failed_at', '<=', this.windowStart()).execute();
  }

  /** A correct password forgives that username's failures from that address, never the address's. */
  async succeeded(address: string, username: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_failures')
      .where('address', '=', address)
      .where('username', '=', username)
      .execute();
  }

  private windowStart(): string {
    return new Date(this.clock.now().getTime() - this.settings.windowMs).toISOString();
  }
}
