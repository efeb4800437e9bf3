import { DateTime } from 'luxon';
import type { Analytics, AnalyticsQuery } from '../../../common/schemas/analytics.js';
import { periodBounds } from '../../../common/time.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { lateOrMissingByWeek } from '../daily-reports/daily-reports.read-port.js';
import { chainSteps } from '../incidents/incidents.read-port.js';
import { hazardStats, openTaskAges } from '../inspections/rectification.read-port.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import { unitBrief, unitsUnder } from '../units/units.read-port.js';
import { ageThresholds, heatRows, responseTimes, weeksOf } from './analytics-figures.js';
import { AGE_BUCKETS } from '../../../common/schemas/analytics.js';

const PERIOD_DAYS_DEFAULT = 90;
const PERIOD_DAYS_MAX = 400;

/** The bureau's analytics, live from the records of its subtree; periods are local days in the root unit's zone. */
export class AnalyticsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async view(actor: Actor, query: AnalyticsQuery): Promise<Analytics> {
    const root = await this.root(actor, query.unitId);
    const now = this.clock.now();
    const { from, last } = this.period(query, root.timeZone, now);
    const { startsAt, endsAt } = periodBounds(from, last, root.timeZone);
    const window = { from: startsAt.toISOString(), to: endsAt!.toISOString() };
    const units = await unitsUnder(this.db, root.path);
    const names = new Map(units.map((u) => [u.id, u.name]));
    const weeks = weeksOf(from, last);
    const [steps, perUnit, open, stats] = await Promise.all([
      chainSteps(this.db, root.path, window, now.toISOString()),
      lateOrMissingByWeek(
        this.db,
        units.map((u) => u.id),
        from,
        last,
        weeks,
      ),
      openTaskAges(this.db, root.path, ageThresholds(now)),
      hazardStats(this.db, root.path, window),
    ]);
    return {
      unitId: root.id,
      unitName: root.name,
      from,
      last,
      response: responseTimes(steps, names),
      heat: { weeks, rows: heatRows(root, units, perUnit, weeks) },
      ageing: { buckets: [...AGE_BUCKETS], hazards: open.all, supervised: open.supervised },
      hazards: stats.sort((a, b) => a.category.localeCompare(b.category) || a.risk.localeCompare(b.risk)),
    };
  }

  private period(query: AnalyticsQuery, zone: string, now: Date): { from: string; last: string } {
    const last = query.last ?? DateTime.fromJSDate(now, { zone }).minus({ days: 1 }).toISODate()!;
    const from =
      query.from ??
      DateTime.fromISO(last)
        .minus({ days: PERIOD_DAYS_DEFAULT - 1 })
        .toISODate()!;
    const problems: FieldProblem[] = [];
    if (from > last) problems.push({ field: 'from', key: 'assessment.periodBackwards' });
    else if (DateTime.fromISO(last).diff(DateTime.fromISO(from), 'days').days >= PERIOD_DAYS_MAX)
      problems.push({ field: 'from', key: 'analytics.periodTooLong', params: { max: PERIOD_DAYS_MAX } });
    if (problems.length) throw invalidFields(problems);
    return { from, last };
  }

  private async root(actor: Actor, unitId?: string) {
    const id =
      unitId ??
      (actor.kind === 'account' ? actor.scopes.find((s) => scopeRoots(actor)?.includes(s.path))?.unitId : undefined);
    const unit = id ? await unitBrief(this.db, id) : undefined;
    if (!unit || !canSee(actor, unit.path)) throw notFound();
    return unit;
  }
}
