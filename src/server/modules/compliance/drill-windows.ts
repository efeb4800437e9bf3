import { DateTime } from 'luxon';
import { drillRuleFor } from './rules-data.js';

/*
 * Whether drills were held as often as the guidance asks: every calendar month (schools) or
 * quarter (kindergartens) in the unit's own zone must hold at least one drill. A window still
 * running counts only once a drill was held in it, so "never held" is never met.
 *
 * This is the one place assessment and compliance ask; when the drills module exposes its own
 * calendar rule (month / quarter / term in the unit's zone), this function switches to it.
 */

export interface DrillWindow {
  /** Local dates, both included. */
  start: string;
  end: string;
  held: boolean;
  drillIds: string[];
}

export interface DrillWindowsInput {
  unitType: string;
  timeZone: string;
  /** [from, to) instants of the period asked about. */
  from: Date;
  to: Date;
  now: Date;
  drills: { id: string; endedAt: string }[];
}

export function drillWindows(input: DrillWindowsInput): DrillWindow[] | null {
  const rule = drillRuleFor(input.unitType);
  if (!rule) return null;
  const unit = rule.every === 'month' ? 'month' : 'quarter';
  const until = input.to < input.now ? input.to : input.now;
  const windows: DrillWindow[] = [];
  let cursor = DateTime.fromJSDate(input.from, { zone: input.timeZone }).startOf(unit);
  while (cursor.toJSDate() < until) {
    const next = cursor.plus(unit === 'month' ? { months: 1 } : { quarters: 1 });
    const inside = input.drills.filter((d) => {
      const at = new Date(d.endedAt);
      return at >= cursor.toJSDate() && at < next.toJSDate() && at >= input.from && at < input.to;
    });
    const over = next.toJSDate() <= until;
    if (over || inside.length > 0) {
      windows.push({
        start: cursor.toISODate()!,
        end: next.minus({ days: 1 }).toISODate()!,
        held: inside.length > 0,
        drillIds: inside.map((d) => d.id),
      });
    }
    cursor = next;
  }
  return windows;
}
