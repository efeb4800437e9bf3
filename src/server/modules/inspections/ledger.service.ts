import { DEFAULT_TIME_ZONE } from '../../../common/locale.js';
import { localToUtc, nextDay } from '../../../common/time.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { scopeRoots } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import type { LedgerQuery, LedgerRow } from '../../../common/schemas/inspections.js';
import * as repo from './rectification.repository.js';

export function presentLedgerRow(t: repo.TaskWithNames, now: Date): LedgerRow {
  return {
    taskId: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    foundAt: t.created_at,
    sourceKind: t.source_kind,
    sourceLabel: t.source_label,
    sourceDetail: t.source_detail,
    itemCode: t.source_item_code,
    title: t.title,
    risk: t.risk,
    ownerName: t.owner_name,
    dueAt: t.due_at,
    state: t.state,
    overdue: t.state !== 'closed' && Date.parse(t.due_at) <= now.getTime(),
    supervisedBy: t.supervising_unit_name,
    reportedFixedAt: t.reported_fixed_at,
    closedAt: t.closed_at,
    verifiedBy: t.verifier_name,
  };
}

const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');

/**
 * The ledger (台帐): every hazard found, with its task, state and dates, for one unit or a whole
 * subtree. The API page and the spreadsheet come from the same query, so they hold the same rows.
 */
export class LedgerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly units: UnitService,
  ) {}

  async rows(actor: Actor, query: Omit<LedgerQuery, 'page' | 'pageSize'>, page?: { page: number; pageSize: number }) {
    const now = this.clock.now();
    const unit = query.unitId ? await this.units.requireVisible(actor, query.unitId) : null;
    const roots = scopeRoots(actor);
    const zone = unit?.time_zone ?? (await this.firstScopeZone(actor));
    const filter: repo.TaskFilter = {
      ...(unit ? (query.subtree === 'false' ? { unitIds: [unit.id] } : { within: [unit.path] }) : { within: roots }),
      state: query.state,
      risk: query.risk,
      overdue: flag(query.overdue),
      supervised: flag(query.supervised),
      sourceId: query.sourceId,
      now: now.toISOString(),
      from: query.from ? localToUtc(query.from, '00:00', zone).toISOString() : undefined,
      to: query.to ? localToUtc(nextDay(query.to), '00:00', zone).toISOString() : undefined,
    };
    if (filter.within?.length === 0) return { rows: [], total: 0, zone, now };
    const found = await repo.ledger(
      this.db,
      filter,
      page && { offset: (page.page - 1) * page.pageSize, limit: page.pageSize },
    );
    return { rows: found.rows.map((r) => presentLedgerRow(r, now)), total: found.total, zone, now };
  }

  private async firstScopeZone(actor: Actor): Promise<string> {
    if (actor.kind !== 'account' || !actor.scopes[0]) return DEFAULT_TIME_ZONE;
    return (await unitsPort.findById(this.db, actor.scopes[0].unitId))?.time_zone ?? DEFAULT_TIME_ZONE;
  }
}
