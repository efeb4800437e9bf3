/** The one source of "now". Injected everywhere so that scenario tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and scenario runs. */
export class FakeClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(to: Date | string): void {
    this.#ms = new Date(to).getTime();
  }
}

/** Timestamps are stored as ISO-8601 UTC text with milliseconds: they sort as they read. */
export const isoNow = (clock: Clock): string => clock.now().toISOString();
