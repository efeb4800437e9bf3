import { DateTime } from 'luxon';
import type { Analytics, AnalyticsQuery } from '../../../common/schemas/analytics.js';
import { AGE_BUCKETS } from '../../../common/schemas/analytics.js';
import { periodBounds } from '../../../common/time.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import type { Window } from '../../lib/record-facts.js';
import type { Actor } from '../auth/actor.js';
import { lateOrMissingByWeek } from '../daily-reports/daily-reports.read-port.js';
import { chainSteps } from '../incidents/incidents.read-port.js';
import { hazardStats, openTaskAges } from '../inspections/rectification.read-port.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import { childrenOf, unitBrief, type UnitBrief } from '../units/units.read-port.js';
import { ageThresholds, heatRows, responseTimes, weeksOf } from './analytics-figures.js';

const PERIOD_DAYS_DEFAULT = 90;
const PERIOD_DAYS_MAX = 400;

/** What every view is read over: the subtree's root, the period in its zone, and the moment asked. */
interface Context {
  root: UnitBrief;
  now: Date;
  from: string;
  last: string;
  window: Window;
}

type Head = Pick<Analytics, 'unitId' | 'unitName' | 'from' | 'last'>;
const head = (c: Context): Head => ({ unitId: c.root.id, unitName: c.root.name, from: c.from, last: c.last });

/**
 * The bureau's analytics, live from the records of its subtree; periods are local days in the root
 * unit's zone. Each view is its own call (the screen asks for the four at once); `view` gives all.
 */
export class AnalyticsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async response(actor: Actor, query: AnalyticsQuery): Promise<Head & Pick<Analytics, 'response'>> {
    const c = await this.context(actor, query);
    const steps = await chainSteps(this.db, c.root.path, c.window, c.now.toISOString());
    return { ...head(c), response: responseTimes(steps) };
  }

  async heat(actor: Actor, query: AnalyticsQuery): Promise<Head & Pick<Analytics, 'heat'>> {
    const c = await this.context(actor, query);
    const weeks = weeksOf(c.from, c.last);
    const [perUnit, children] = await Promise.all([
      lateOrMissingByWeek(this.db, c.root.path, c.from, c.last, weeks),
      childrenOf(this.db, c.root.id),
    ]);
    return { ...head(c), heat: { weeks, rows: heatRows(c.root, children, perUnit, weeks) } };
  }

  async ageing(actor: Actor, query: AnalyticsQuery): Promise<Head & Pick<Analytics, 'ageing'>> {
    const c = await this.context(actor, query);
    const open = await openTaskAges(this.db, c.root.path, ageThresholds(c.now));
    return { ...head(c), ageing: { buckets: [...AGE_BUCKETS], hazards: open.all, supervised: open.supervised } };
  }

  async hazards(actor: Actor, query: AnalyticsQuery): Promise<Head & Pick<Analytics, 'hazards'>> {
    const c = await this.context(actor, query);
    const stats = await hazardStats(this.db, c.root.path, c.window);
    return {
      ...head(c),
      hazards: stats.sort((a, b) => a.category.localeCompare(b.category) || a.risk.localeCompare(b.risk)),
    };
  }

  /** Every view at once (for the spreadsheet). */
  async view(actor: Actor, query: AnalyticsQuery): Promise<Analytics> {
    const [response, heat, ageing, hazards] = await Promise.all([
      this.response(actor, query),
      this.heat(actor, query),
      this.ageing(actor, query),
      this.hazards(actor, query),
    ]);
    return { ...response, heat: heat.heat, ageing: ageing.ageing, hazards: hazards.hazards };
  }

  private async context(actor: Actor, query: AnalyticsQuery): Promise<Context> {
    const root = await this.root(actor, query.unitId);
    const now = this.clock.now();
    const { from, last } = this.period(query, root.timeZone, now);
    const { startsAt, endsAt } = periodBounds(from, last, root.timeZone);
    return { root, now, from, last, window: { from: startsAt.toISOString(), to: endsAt!.toISOString() } };
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
    else if (DateTime.fromISO(last).diff(DateTime.fromISO(from), 'days').days >= PERIOD_DAYS_MAX) {
      problems.push({ field: 'from', key: 'analytics.periodTooLong', params: { max: PERIOD_DAYS_MAX } });
    }
    if (problems.length) throw invalidFields(problems);
    return { from, last };
  }

  private async root(actor: Actor, unitId?: string): Promise<UnitBrief> {
    const roots = scopeRoots(actor);
    const own = actor.kind === 'account' ? actor.scopes.find((s) => roots?.includes(s.path))?.unitId : undefined;
    const id = unitId ?? own;
    const unit = id ? await unitBrief(this.db, id) : undefined;
    if (!unit || !canSee(actor, unit.path)) throw notFound();
    return unit;
  }
}
