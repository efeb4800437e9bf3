/**
 * The deadline workload shared by every system under test: N timers whose due times are spread
 * evenly over a window, and the in-memory record of when each one actually fired.
 */
import { cpus } from 'node:os';
import { percentile } from '../report.js';

export interface Workload {
  /** How many deadlines. */
  count: number;
  /** The window the due times are spread over, in ms. */
  windowMs: number;
  /** How long after the insert starts the window opens; the insert must finish well before. */
  leadMs: number;
  /** How long after the window closes a deadline may still fire before it counts as lost. */
  graceMs: number;
  /**
   * How much longer a system that is behind at the cutoff is left running, to tell "late beyond
   * the grace period" from "never fires" (and so that its backlog run starts from an empty queue).
   */
  catchUpMs: number;
}

export function workloadFromEnv(): Workload {
  const count = Number(process.env.BENCH_DEADLINES ?? 100_000);
  const windowMs = Number(process.env.BENCH_DEADLINES_WINDOW_MS ?? 60_000);
  const leadMs = Number(process.env.BENCH_DEADLINES_LEAD_MS ?? Math.max(5_000, 5_000 + count / 10));
  const graceMs = Number(process.env.BENCH_DEADLINES_GRACE_MS ?? 10_000);
  const catchUpMs = Number(process.env.BENCH_DEADLINES_CATCH_UP_MS ?? 120_000);
  for (const [name, value] of Object.entries({ count, windowMs, leadMs, graceMs, catchUpMs })) {
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`engine-deadlines: ${name} must be a positive number, got ${value}`);
  }
  return { count, windowMs, leadMs, graceMs, catchUpMs };
}

/** Deadline `i` of `count` over a window opening at `startMs` (epoch ms, whole ms). */
export const dueAtMs = (startMs: number, w: Workload, i: number): number =>
  startMs + Math.floor((i * w.windowMs) / w.count);

/** Every firing, kept in typed arrays so that recording one costs next to nothing. */
export class Recorder {
  /** Epoch ms of the first firing of each deadline; NaN while it has not fired. */
  readonly firstAt: Float64Array;
  /** How many times each deadline fired. */
  readonly times: Uint32Array;
  distinct = 0;
  firings = 0;
  firstEverAt = Infinity;
  lastAt = 0;

  constructor(readonly count: number) {
    this.firstAt = new Float64Array(count).fill(NaN);
    this.times = new Uint32Array(count);
  }

  record(i: number, at = Date.now()): void {
    if (!(i >= 0 && i < this.count)) throw new Error(`engine-deadlines: fired unknown deadline ${i}`);
    this.firings++;
    const before = this.times[i]!;
    this.times[i] = before + 1;
    if (before === 0) {
      this.firstAt[i] = at;
      this.distinct++;
    }
    if (at < this.firstEverAt) this.firstEverAt = at;
    if (at > this.lastAt) this.lastAt = at;
  }

  /**
   * Resolves once every deadline has fired and `settleMs` more have passed (to catch late repeats), or at `giveUpAt`.
   */
  async settle(giveUpAt: number, settleMs = 1_000): Promise<void> {
    let completeAt = 0;
    for (;;) {
      const now = Date.now();
      if (now >= giveUpAt) return;
      if (this.distinct === this.count) {
        completeAt ||= now;
        if (now - completeAt >= settleMs) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export interface LatenessSummary {
  fired: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Deadlines fired more than once. */
  duplicates: number;
  /** Deadlines not fired before the grace period ran out (the aim's "losses"). */
  losses: number;
  /** Of those, the ones that never fired at all, even while the system was left to catch up. */
  neverFired: number;
  /** Firings past the first, summed over all deadlines. */
  extraFirings: number;
}

/**
 * Lateness (first firing − due time) of every deadline, in ms; one that never fired counts as
 * infinitely late, so a system that gives up cannot look punctual. A deadline first fired after
 * `cutoff` (epoch ms) counts as lost.
 */
export function summarize(recorder: Recorder, dueAt: (i: number) => number, cutoff = Infinity): LatenessSummary {
  const lateness: number[] = [];
  let duplicates = 0;
  let extraFirings = 0;
  let late = 0;
  for (let i = 0; i < recorder.count; i++) {
    const times = recorder.times[i]!;
    if (times === 0) {
      lateness.push(Infinity);
      continue;
    }
    if (recorder.firstAt[i]! > cutoff) late++;
    lateness.push(recorder.firstAt[i]! - dueAt(i));
    if (times > 1) {
      duplicates++;
      extraFirings += times - 1;
    }
  }
  if (process.env.BENCH_DEADLINES_TRACE) trace(recorder, dueAt);
  lateness.sort((a, b) => (a === b ? 0 : a - b));
  return {
    fired: recorder.distinct,
    p50: percentile(lateness, 50),
    p90: percentile(lateness, 90),
    p99: percentile(lateness, 99),
    max: lateness.at(-1) ?? NaN,
    duplicates,
    losses: recorder.count - recorder.distinct + late,
    neverFired: recorder.count - recorder.distinct,
    extraFirings,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Node's own CPU time over a stretch (share of one core), and the whole machine's busy share (all cores). */
export function cpuMeter(): () => { node: number; machine: number } {
  const start = process.cpuUsage();
  const startedAt = performance.now();
  const machineStart = machineTimes();
  return () => {
    const used = process.cpuUsage(start);
    const machineEnd = machineTimes();
    const total = machineEnd.total - machineStart.total;
    return {
      node: (used.user + used.system) / 1000 / (performance.now() - startedAt),
      machine: total > 0 ? 1 - (machineEnd.idle - machineStart.idle) / total : NaN,
    };
  };
}

function machineTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq + cpu.times.idle;
  }
  return { idle, total };
}

/** With BENCH_DEADLINES_TRACE set: lateness by tenth of the window, to see when a system falls behind. */
function trace(recorder: Recorder, dueAt: (i: number) => number): void {
  const parts = 10;
  const line: string[] = [];
  for (let part = 0; part < parts; part++) {
    const slice: number[] = [];
    for (
      let i = Math.floor((part * recorder.count) / parts);
      i < Math.floor(((part + 1) * recorder.count) / parts);
      i++
    ) {
      slice.push(recorder.times[i] ? recorder.firstAt[i]! - dueAt(i) : Infinity);
    }
    slice.sort((a, b) => (a === b ? 0 : a - b));
    line.push(`${Math.round(percentile(slice, 50))}/${Math.round(slice.at(-1) ?? NaN)}`);
  }
  console.log(`    lateness p50/max by tenth of the window: ${line.join(' ')}`);
  const at = Array.from(recorder.firstAt)
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  const gaps = at
    .slice(1)
    .map((t, k) => [t - at[k]!, at[k]! - dueAt(0)] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 4);
  console.log(
    '    longest pauses between firings (ms @ ms into the window): ' +
      `${gaps.map(([gap, from]) => `${Math.round(gap)} @ ${Math.round(from)}`).join(', ')}`,
  );
}
