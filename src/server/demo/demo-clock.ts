import type { Clock } from '../lib/clock.js';

/** A clock the demo loader can set while it writes the past; FakeClock is one, and so is TravelClock. */
export interface SettableClock extends Clock {
  set(to: Date): void;
}

/**
 * The demo server's clock: it stands where the loader sets it while the sample county's past is
 * written through the services, then `release()` hands it back to the system time for good.
 */
export class TravelClock implements SettableClock {
  #at: Date | null = null;

  now(): Date {
    return this.#at ? new Date(this.#at) : new Date();
  }

  set(to: Date): void {
    this.#at = new Date(to);
  }

  release(): void {
    this.#at = null;
  }
}
