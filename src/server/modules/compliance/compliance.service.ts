import type { UnitCompliance } from '../../../common/schemas/compliance.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { doneDrills } from '../drills/drills.read-port.js';
import { roleCounts } from '../people/people.read-port.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import { unitBrief, unitsUnder, type UnitBrief } from '../units/units.read-port.js';
import { checksFor, worstOf } from './compliance-checks.js';
import { ruleBook } from './rules-data.js';

const YEAR = 366 * 86_400_000;

/** Red / amber / green per unit across the reader's subtree (or below one unit), each check with its reason. */
export class ComplianceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly planRules: PlanRules,
  ) {}

  async view(actor: Actor, unitId?: string): Promise<UnitCompliance[]> {
    const roots = await this.roots(actor, unitId);
    const now = this.clock.now();
    const out: UnitCompliance[] = [];
    const locale = actor.kind === 'account' ? actor.locale : 'zh-CN';
    const guardRole = ruleBook().campusSecurity.guards.heldByRole;
    for (const root of roots) {
      const units = await unitsUnder(this.db, root);
      const [guards, drills] = await Promise.all([
        roleCounts(
          this.db,
          units.map((u) => u.id),
          guardRole,
        ),
        doneDrills(this.db, root, { from: new Date(now.getTime() - YEAR).toISOString(), to: now.toISOString() }),
      ]);
      for (const unit of units) {
        const { rules, standing } = await this.planRules.forUnit(unit.id, now);
        const checks = checksFor(
          {
            type: unit.type,
            timeZone: unit.timeZone,
            enrolment: unit.enrolment,
            plan: { rules, standing: standing !== null },
            guards: guards.get(unit.id) ?? 0,
            drills: drills.filter((d) => d.unitId === unit.id),
            now,
          },
          locale,
        );
        out.push({
          unitId: unit.id,
          unitName: unit.name,
          unitType: unit.type,
          depth: unit.depth,
          state: worstOf(checks.map((c) => c.state)),
          checks,
        });
      }
    }
    return out;
  }

  private async roots(actor: Actor, unitId?: string): Promise<string[]> {
    if (unitId) {
      const unit: UnitBrief | undefined = await unitBrief(this.db, unitId);
      if (!unit || !canSee(actor, unit.path)) throw notFound();
      return [unit.path];
    }
    return scopeRoots(actor) ?? ['/'];
  }
}
