import type { Gap } from '../../../common/schemas/duty.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';

export interface GapShift {
  id: string;
  startsAt: string;
  endsAt: string;
  hasLeader: boolean;
}

/** What the plan in force on a local date asks of duty. */
export interface DayRules {
  twentyFourHour: boolean;
  dutyLeaderRequired: boolean;
}

/**
 * Where the roster falls short of the plan in [from, to): a shift without a duty leader on a day
 * the plan requires one, and any stretch with no shift on a day the plan requires 24-hour duty.
 * Rules change at local midnight (special periods are whole local days), so days are judged apart.
 */
export function findGaps(input: {
  from: Date;
  to: Date;
  zone: string;
  shifts: GapShift[];
  rulesOn: (date: string) => DayRules;
}): Gap[] {
  const { from, to, zone, shifts, rulesOn } = input;
  const gaps: Gap[] = [];
  for (const shift of shifts) {
    if (shift.hasLeader || shift.endsAt <= from.toISOString() || shift.startsAt >= to.toISOString()) continue;
    const judged = new Date(Math.max(Date.parse(shift.startsAt), from.getTime()));
    if (rulesOn(localDate(judged, zone)).dutyLeaderRequired)
      gaps.push({ kind: 'no_duty_leader', startsAt: shift.startsAt, endsAt: shift.endsAt, shiftId: shift.id });
  }
  const covered = shifts
    .map((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)] as const)
    .sort((a, b) => a[0] - b[0]);
  const uncovered: [number, number][] = [];
  for (let cursor = from.getTime(); cursor < to.getTime();) {
    const day = localDate(new Date(cursor), zone);
    const dayEnd = Math.min(to.getTime(), localToUtc(nextDay(day), '00:00', zone).getTime());
    if (rulesOn(day).twentyFourHour) {
      let at = cursor;
      for (const [start, end] of covered) {
        if (end <= at || start >= dayEnd) continue;
        if (start > at) addPiece(uncovered, at, start);
        at = Math.max(at, end);
        if (at >= dayEnd) break;
      }
      if (at < dayEnd) addPiece(uncovered, at, dayEnd);
    }
    cursor = dayEnd;
  }
  for (const [start, end] of uncovered)
    gaps.push({
      kind: 'uncovered',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      shiftId: null,
    });
  return gaps.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.kind.localeCompare(b.kind));
}

/** Appends a stretch, joining it to the previous one when they touch (across midnight). */
function addPiece(pieces: [number, number][], start: number, end: number): void {
  const last = pieces.at(-1);
  if (last && last[1] === start) last[1] = end;
  else pieces.push([start, end]);
}
