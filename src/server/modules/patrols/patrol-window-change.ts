import { localDate } from '../../../common/time.js';
import type { Executor } from '../../db/database.js';
import type { UnitRow } from '../units/units.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import * as unitsPort from '../units/units.read-port.js';
import { PROMPT_DEADLINE, type PatrolPlanner } from './patrol-planner.js';
import { nightAt, nightWindow, patrolCounts } from './patrol-times.js';
import * as repo from './patrols.repository.js';

/**
 * A published plan's patrol window applies to the night in progress, not only from the next local
 * midnight. For every patrolling unit the plan reaches, the night under way and tonight (when it
 * has not begun) are drawn again from the rules now in force: patrols already prompted, done or
 * missed stay as they are; those still waiting are dropped, and what is left of the new window
 * gets its fixed times and the unannounced ones not yet held, drawn afresh.
 */
export class PatrolWindowChange {
  constructor(
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly planner: PatrolPlanner,
  ) {}

  /** Called in the publishing transaction. */
  async planPublished(tx: Executor, unitId: string, now: Date): Promise<void> {
    const unit = await unitsPort.findById(tx, unitId);
    if (!unit) return;
    for (const u of await repo.patrollingUnitsUnder(tx, unit.path)) {
      const { rules } = await this.rules.forUnit(u.id, now, tx);
      const nights = new Set([nightAt(now, rules.duty.patrolWindow, u.time_zone), localDate(now, u.time_zone)]);
      for (const night of nights) await this.redraw(tx, u, night, now);
    }
  }

  private async redraw(tx: Executor, unit: UnitRow, nightDate: string, now: Date): Promise<void> {
    const patrols = (await repo.patrolsOfNight(tx, unit.id, nightDate)).filter((p) => p.kind !== 'extra');
    if (patrols.length === 0) {
      await this.planner.planNight(tx, unit, nightDate, now);
      return;
    }
    const { rules } = await this.rules.forUnit(unit.id, now, tx);
    const window = rules.duty.patrolWindow;
    const waiting = patrols.filter((p) => p.state === 'planned');
    const w = window ? nightWindow(nightDate, window, unit.time_zone) : null;
    // No window any more: nothing waits. A night already over is history.
    if (!w)
      await this.drop(
        tx,
        waiting.map((p) => p.id),
      );
    if (!w || w.end <= now) return;
    await this.drop(
      tx,
      waiting.map((p) => p.id),
    );
    const counts = patrolCounts(rules.duty);
    const heldUnannounced = patrols.filter((p) => p.kind === 'unannounced' && p.state !== 'planned').length;
    await this.planner.drawNight(
      tx,
      unit,
      w,
      { scheduled: counts.scheduled, unannounced: Math.max(counts.unannounced - heldUnannounced, 0) },
      now,
      'patrol.replan-night',
    );
  }

  private async drop(tx: Executor, ids: string[]): Promise<void> {
    for (const id of ids) await this.engine.cancel(tx, PROMPT_DEADLINE, id);
    await repo.deletePatrols(tx, ids);
  }
}
