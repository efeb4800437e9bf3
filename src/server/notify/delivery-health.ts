/**
 * Delivery health over a window, per channel: what was sent, confirmed delivered and failed, the
 * time from queueing to confirmed delivery (p50, p99), and the last error with the vendor's code,
 * so a wrong key or an unapproved template shows before an incident needs the channel.
 */
import type { Db } from '../db/database.js';
import * as repo from './deliveries.repository.js';

export interface ChannelHealthFigures {
  channel: string;
  sent: number;
  delivered: number;
  failed: number;
  p50Ms: number | null;
  p99Ms: number | null;
  lastError: { at: string; code: string | null; message: string } | null;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function deliveryHealth(db: Db, since: Date): Promise<ChannelHealthFigures[]> {
  const rows = await repo.deliveriesSince(db, since.toISOString());
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.vendor ?? row.channel;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, list]) => {
      const times = list
        .filter((r) => r.delivered_at)
        .map((r) => Date.parse(r.delivered_at!) - Date.parse(r.created_at))
        .sort((a, b) => a - b);
      const errors = list
        .filter((r) => r.last_error && r.error_at)
        .sort((a, b) => b.error_at!.localeCompare(a.error_at!));
      const last = errors[0];
      return {
        channel,
        sent: list.filter((r) => r.sent_at).length,
        delivered: times.length,
        failed: list.filter((r) => r.state === 'failed' || r.state === 'dead').length,
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
        lastError: last ? { at: last.error_at!, code: last.error_code, message: last.last_error! } : null,
      };
    });
}
