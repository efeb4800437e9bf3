import { DateTime } from 'luxon';
import type { Analytics } from '../../../common/schemas/analytics.js';
import type { StepRecord } from '../incidents/incidents.read-port.js';

/** Pure arithmetic of the analytics, kept apart from the reads so it can be checked by hand. */

const MINUTE = 60_000;
const DAY = 86_400_000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Acknowledge: a notify step, from when it became active to when it was done. Report upward: a report step, from the
 * incident's report.
 */
export function responseTimes(steps: StepRecord[]): Analytics['response'] {
  const names = new Map(steps.map((s) => [s.unitId, s.unitName]));
  const byUnit = new Map<string, { ack: number[]; report: number[] }>();
  for (const s of steps) {
    if (!s.doneAt) continue;
    const entry = byUnit.get(s.unitId) ?? { ack: [], report: [] };
    if (s.kind === 'report') entry.report.push((Date.parse(s.doneAt) - Date.parse(s.reportedAt)) / MINUTE);
    else if (s.activatedAt) entry.ack.push((Date.parse(s.doneAt) - Date.parse(s.activatedAt)) / MINUTE);
    byUnit.set(s.unitId, entry);
  }
  return [...byUnit]
    .map(([unitId, e]) => ({
      unitId,
      unitName: names.get(unitId) ?? unitId,
      acknowledged: e.ack.length,
      ackMedianMinutes: round(median(e.ack)),
      ackWorstMinutes: e.ack.length ? round(Math.max(...e.ack)) : null,
      reported: e.report.length,
      reportMedianMinutes: round(median(e.report)),
      reportWorstMinutes: e.report.length ? round(Math.max(...e.report)) : null,
    }))
    .sort(
      (a, b) => (b.reportWorstMinutes ?? b.ackWorstMinutes ?? 0) - (a.reportWorstMinutes ?? a.ackWorstMinutes ?? 0),
    );
}

/** The Mondays of the weeks the period touches. */
export function weeksOf(from: string, last: string): string[] {
  const weeks: string[] = [];
  let cursor = DateTime.fromISO(from, { zone: 'UTC' }).startOf('week');
  const end = DateTime.fromISO(last, { zone: 'UTC' });
  while (cursor <= end) {
    weeks.push(cursor.toISODate()!);
    cursor = cursor.plus({ weeks: 1 });
  }
  return weeks;
}

/**
 * Rows for the units directly below the root, each counting its whole subtree (or the root alone
 * when it has none). A unit's group is the id that follows the root's in its path: one look each.
 */
export function heatRows(
  root: { id: string; name: string; path: string },
  children: { id: string; name: string; path: string }[],
  perUnit: Map<string, { path: string; counts: Int32Array }>,
  weeks: string[],
): Analytics['heat']['rows'] {
  const groups = children.length ? children : [root];
  const index = new Map(groups.map((g, i) => [g.id, i]));
  const depth = root.path.split('/').length - 1;
  const rows = groups.map((g) => ({ unitId: g.id, unitName: g.name, counts: weeks.map(() => 0) }));
  for (const { path, counts } of perUnit.values()) {
    const g = children.length ? index.get(path.split('/', depth + 1)[depth]!) : 0;
    if (g === undefined) continue;
    counts.forEach((n, i) => {
      rows[g]!.counts[i]! += n;
    });
  }
  return rows;
}

/** Where the age buckets 0–7, 8–30, 31–90 and over 90 days begin, as creation times (newest first). */
export const ageThresholds = (now: Date) =>
  [7, 30, 90].map((days) => new Date(now.getTime() - days * DAY).toISOString());
