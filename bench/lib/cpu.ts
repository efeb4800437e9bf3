/**
 * Where a benchmark's CPU went, read from /proc (Linux): the whole machine's busy share, and the CPU
 * time of given processes and of every PostgreSQL process. Wall-clock rates on a shared 2-core
 * machine say little on their own; these say whether there was idle CPU left for more.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  /** Machine-wide jiffies: busy (all but idle and iowait) and total, over all cores. */
  busy: number;
  total: number;
  cores: number;
  /** CPU ms used so far by each watched process, and by each PostgreSQL process (by pid). */
  watched: Map<number, number>;
  postgres: Map<number, number>;
}

export interface CpuUse {
  /** Share of all cores that was busy, 0–1. */
  machineBusy: number;
  /** CPU ms used over the interval by the watched processes together, and by PostgreSQL. */
  watchedMs: number;
  postgresMs: number;
}

function processMs(pid: number): number | undefined {
  try {
    // Fields after the command (which may hold spaces) — utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined; // the process has gone
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

function times(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = processMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

export function cpuSnapshot(watchedPids: number[]): CpuSnapshot {
  const lines = readFileSync('/proc/stat', 'utf8').split('\n');
  const all = lines[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = all.reduce((a, b) => a + b, 0);
  const idle = all[3]! + all[4]!;
  return {
    busy: total - idle,
    total,
    cores: lines.filter((l) => /^cpu\d+ /.test(l)).length,
    watched: times(watchedPids),
    postgres: times(postgresPids()),
  };
}

/** CPU used between two snapshots; a process that started meanwhile counts from zero. */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const grown = (a: Map<number, number>, b: Map<number, number>) =>
    [...b].reduce((sum, [pid, ms]) => sum + ms - (a.get(pid) ?? 0), 0);
  return {
    machineBusy: (after.busy - before.busy) / Math.max(1, after.total - before.total),
    watchedMs: grown(before.watched, after.watched),
    postgresMs: grown(before.postgres, after.postgres),
  };
}
