import type { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../../../common/locale.js';
import {
  STATUS_UNITS_MAX,
  type DailyStatus,
  type Matrix,
  type StatusCounts,
  type TodayStatus,
  type Trend,
} from '../../../common/schemas/daily-reports.js';
import { localDate } from '../../../common/time.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { scopeRoots } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import {
  CODE,
  codeAt,
  dayIndex,
  daysBetween,
  emptyCounts,
  isoWeek,
  monthOf,
  monthsOf,
  plusDays,
  statusOf,
} from './day-codes.js';
import { requireVisibleUnit } from './daily-reports.policy.js';
import * as repo from './daily-reports.repository.js';

/** The subtrees a supervisor looks at, and the zone whose calendar names "today" for them. */
interface Scope {
  within: string[] | null;
  zone: string;
}

export interface MatrixOptions {
  unitId?: string;
  end?: string;
  days: number;
  /** Omit to get every unit (the export). */
  page?: { page: number; pageSize: number };
}

/** Codes that need a call today: pending, marked late, sent late, missing. */
const ATTENTION = [CODE.pending, CODE.overdue, CODE.late, CODE.missing];

/**
 * What supervisors see of their subtree: the units × days matrix, today's status and the weekly
 * trend. Everything is read from the month rows (one short string per unit and month); a day
 * without a row is not required. Totals run over the whole subtree, while only the page of units
 * on screen is read with names.
 */
export class DailyReportBoard {
  /** Readings of today's status under way, by scope and day (see `today`). */
  private readonly todayReadings = new Map<string, Promise<z.infer<typeof TodayStatus>>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private async scope(actor: Actor, unitId?: string): Promise<Scope> {
    if (unitId) {
      const unit = requireVisibleUnit(actor, await unitsPort.findById(this.db, unitId), 'unitId');
      return { within: [unit.path], zone: unit.time_zone };
    }
    const within = scopeRoots(actor);
    const first = actor.kind === 'account' ? actor.scopes[0] : undefined;
    const top = first ? await unitsPort.findById(this.db, first.unitId) : undefined;
    return { within, zone: top?.time_zone ?? DEFAULT_TIME_ZONE };
  }

  /** Each zone's today, worked out once per call. */
  private todays(zones: string[]): Map<string, string> {
    const now = this.clock.now();
    return new Map(zones.map((z) => [z, localDate(now, z)]));
  }

  /**
   * Totals per day over every unit of the scope, counting from the month rows; units with no row
   * for a day count as not required, and a day not yet begun in a unit's zone counts nowhere.
   */
  private async totals(scope: Scope, days: string[]) {
    const units = await repo.unitZones(this.db, scope.within);
    const zoneOf = new Map(units.map((u) => [u.id, u.time_zone]));
    const perZone = new Map<string, number>();
    for (const u of units) perZone.set(u.time_zone, (perZone.get(u.time_zone) ?? 0) + 1);
    const zones = [...perZone].map(([time_zone, n]) => ({ time_zone, n }));
    const rows = await repo.monthRows(
      this.db,
      monthsOf(days),
      units.map((u) => u.id),
    );
    const todays = this.todays(zones.map((z) => z.time_zone));
    const totals = days.map(() => emptyCounts());
    const counted = days.map(() => 0);
    // Where each day of the window sits in a month row.
    const slots = new Map<string, { i: number; day: string; at: number }[]>();
    days.forEach((day, i) =>
      slots.set(monthOf(day), [...(slots.get(monthOf(day)) ?? []), { i, day, at: dayIndex(day) - 1 }]),
    );
    const byUnit = new Map<string, Map<string, string>>();
    for (const row of rows) {
      let months = byUnit.get(row.unit_id);
      if (!months) byUnit.set(row.unit_id, (months = new Map()));
      months.set(row.month, row.days);
      const today = todays.get(zoneOf.get(row.unit_id)!)!;
      for (const { i, day, at } of slots.get(row.month) ?? []) {
        if (day > today) continue;
        totals[i]![statusOf(row.days.charAt(at) || CODE.unknown, day < today)] += 1;
        counted[i]! += 1;
      }
    }
    days.forEach((day, i) => {
      const begun = zones.reduce((n, z) => n + (day <= todays.get(z.time_zone)! ? z.n : 0), 0);
      totals[i]!.not_required += begun - counted[i]!;
    });
    return { totals, byUnit, todays, total: units.length };
  }

  async matrix(actor: Actor, options: MatrixOptions): Promise<z.infer<typeof Matrix> & { timeZone: string }> {
    const scope = await this.scope(actor, options.unitId);
    const to = options.end ?? localDate(this.clock.now(), scope.zone);
    const days = daysBetween(plusDays(to, -(options.days - 1)), to);
    const { totals, byUnit, todays, total } = await this.totals(scope, days);
    const { page, pageSize } = options.page ?? { page: 1, pageSize: Math.max(total, 1) };
    const units = await repo.unitPage(this.db, scope.within, (page - 1) * pageSize, pageSize);
    const rows = units.map((unit) => {
      const today = todays.get(unit.time_zone) ?? localDate(this.clock.now(), unit.time_zone);
      const months = byUnit.get(unit.id);
      const cells = days.map((day): DailyStatus | null =>
        day > today ? null : statusOf(codeAt(months?.get(monthOf(day)), day), day < today),
      );
      return { unitId: unit.id, name: unit.name, parentId: unit.parent_id, depth: unit.depth, cells };
    });
    return { from: days[0]!, to, days, totals, units: rows, page, pageSize, total, timeZone: scope.zone };
  }

  /**
   * Today, each unit in its own zone: counts by status, and who is late, missing or pending. While
   * one reading of a scope runs, others of the same scope and day await it rather than repeat it
   * (a bureau's screens polling during the 15:00 burst); nothing is kept once it has answered.
   */
  async today(actor: Actor, unitId?: string): Promise<z.infer<typeof TodayStatus>> {
    const scope = await this.scope(actor, unitId);
    const key = `${localDate(this.clock.now(), scope.zone)} ${scope.zone} ${scope.within?.join(' ') ?? '*'}`;
    let reading = this.todayReadings.get(key);
    if (!reading) {
      reading = this.readToday(scope).finally(() => this.todayReadings.delete(key));
      this.todayReadings.set(key, reading);
    }
    return reading;
  }

  /**
   * The scope's zones usually share one date: the counts per zone and the units needing a call are
   * then read together, two queries in parallel. Zones on another date are read again by theirs.
   */
  private async readToday(scope: Scope): Promise<z.infer<typeof TodayStatus>> {
    const now = this.clock.now();
    const day = localDate(now, scope.zone);
    const [perZone, attention] = await Promise.all([
      repo.codeCountsPerZone(this.db, scope.within, day),
      repo.unitsWithCode(this.db, scope.within, null, day, ATTENTION, STATUS_UNITS_MAX),
    ]);
    const sizes = new Map<string, number>();
    for (const { time_zone, n } of perZone) sizes.set(time_zone, (sizes.get(time_zone) ?? 0) + n);
    const todays = this.todays([...sizes.keys()]);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const counts: StatusCounts = emptyCounts();
    const units: z.infer<typeof TodayStatus>['units'] = [];
    if ([...todays.values()].every((d) => d === day)) {
      for (const { code, n } of perZone) counts[statusOf(code, false)] += n;
      units.push(...attention.map((u) => ({ unitId: u.id, name: u.name, day, status: statusOf(u.code, false) })));
      return { at: now.toISOString(), total, counts, units };
    }
    // Zones on the same date are read together.
    const byDay = new Map<string, string[]>();
    for (const [zone, zoneDay] of todays) byDay.set(zoneDay, [...(byDay.get(zoneDay) ?? []), zone]);
    for (const [zoneDay, dayZones] of byDay) {
      const [codes, needing] = await Promise.all([
        repo.codeCounts(this.db, scope.within, dayZones, zoneDay),
        repo.unitsWithCode(this.db, scope.within, dayZones, zoneDay, ATTENTION, STATUS_UNITS_MAX),
      ]);
      for (const { code, n } of codes) counts[statusOf(code, false)] += n;
      units.push(
        ...needing.map((u) => ({ unitId: u.id, name: u.name, day: zoneDay, status: statusOf(u.code, false) })),
      );
    }
    counts.not_required += total - Object.values(counts).reduce((a, b) => a + b, 0);
    return { at: now.toISOString(), total, counts, units: units.slice(0, STATUS_UNITS_MAX) };
  }

  /** Counts per ISO week (Monday to Sunday) over the last `weeks` weeks, this one included. */
  async trend(actor: Actor, unitId: string | undefined, weeks: number): Promise<z.infer<typeof Trend>> {
    const scope = await this.scope(actor, unitId);
    const to = localDate(this.clock.now(), scope.zone);
    const from = plusDays(isoWeek(to).monday, -7 * (weeks - 1));
    const days = daysBetween(from, to);
    const { totals } = await this.totals(scope, days);
    const out = new Map<string, StatusCounts & { week: string; from: string; to: string }>();
    days.forEach((day, i) => {
      const { week, monday } = isoWeek(day);
      let bucket = out.get(week);
      if (!bucket) out.set(week, (bucket = { week, from: monday, to: plusDays(monday, 6), ...emptyCounts() }));
      for (const [status, n] of Object.entries(totals[i]!) as [DailyStatus, number][]) bucket[status] += n;
    });
    return { weeks: [...out.values()] };
  }
}
