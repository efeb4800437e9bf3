import { existsSync } from 'node:fs';

/*
 * Debian's libfaketime (package `faketime`) makes a process read a chosen moment from the system
 * clock, from `new Date()` to the SQLite `now`: the server runs exactly as it would at that hour,
 * including any code that forgot the injected clock. `npm test` installs the package when missing.
 */

const CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

export function libfaketime(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `libfaketime is missing (looked in ${CANDIDATES.join(', ')}); install it: apt-get install faketime`,
    );
  return found;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the absolute form libfaketime reads after an `@`. */
const faketimeStamp = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Environment for a child process whose clock starts at `at` and then runs on in real time. The
 * monotonic clock stays real: Node's timers and event loop rely on it.
 */
export function faketimeEnv(at: Date): NodeJS.ProcessEnv {
  return {
    LD_PRELOAD: libfaketime(),
    FAKETIME: `@${faketimeStamp(at)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    FAKETIME_DONT_RESET: '1',
    TZ: 'UTC',
  };
}

/**
 * The next moment, after now, at `hh:mm` UTC. In the future, so cookies the faked server sets
 * expire later than the real browser's clock reads.
 */
export function nextUtcTime(hhmm: string, from = new Date()): Date {
  const candidate = new Date(`${from.toISOString().slice(0, 10)}T${hhmm}:00Z`);
  return candidate > from ? candidate : new Date(candidate.getTime() + 86_400_000);
}
