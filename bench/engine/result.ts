import type { LatenessSummary } from './workload.js';

/** What one system did with the workload. */
export interface SystemResult {
  system: string;
  /** Options it ran with, in words. */
  setup: string;
  /** Time to put the N rows in, before the window opened (not part of lateness). */
  insertMs: number;
  window: LatenessSummary;
  /** Node's CPU time over the window, as a share of one core; and the whole machine's busy share. */
  nodeCpu: number;
  machineCpu: number;
  /** A backlog of already-due deadlines fired as fast as the system can: its capacity. */
  backlog: { count: number; fired: number; duplicates: number; losses: number; perSecond: number };
  /** Rows the system still holds as not done, read from its tables after it stopped. */
  leftPending: number;
}
