import type {
  CreateSheetBody,
  Ranking,
  Sheet,
  UnitSheet,
  UpdateItemsBody,
} from '../../../common/schemas/assessment.js';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee, requireManage, requireSee } from '../units/units.policy.js';
import { unitBrief, unitsUnder } from '../units/units.read-port.js';
import { answersFor, canEditSheet, canReadSheet } from './assessment.policy.js';
import { formulaOf, presentSheet } from './assessment.presenter.js';
import * as repo from './assessment.repository.js';
import type { AssessmentItemRow } from './assessment.table.js';
import { factsByItem, scopeOf, scoreSheet } from './sheet-scores.js';
import { itemProblems, itemRow } from './sheet-items.js';

const personOf = (actor: Actor) => (actor.kind === 'account' ? actor.personId : null);
const localeOf = (actor: Actor) => (actor.kind === 'account' ? actor.locale : 'zh-CN');

/**
 * Scoring sheets (考核): a supervising unit defines one for a period; every unit below it is scored
 * from the records, and by hand where an item says so. Scores are computed when read.
 */
export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, input: CreateSheetBody): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await unitBrief(tx, input.unitId);
      if (!unit || !canSee(actor, unit.path)) throw invalid('unitId', 'assessment.unitUnknown');
      requireManage(actor, unit.path);
      const problems = itemProblems(input.items);
      if (input.periodEnd < input.periodStart) problems.push({ field: 'periodEnd', key: 'assessment.periodBackwards' });
      if (problems.length) throw invalidFields(problems);
      const id = newId();
      const at = this.clock.now().toISOString();
      const items = input.items.map((item, i) => itemRow(id, item, i + 1));
      await repo.insertSheet(
        tx,
        {
          id,
          unit_id: unit.id,
          title: input.title,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          created_by_person_id: personOf(actor),
          created_at: at,
          updated_at: at,
        },
        items,
      );
      await this.audit.record(tx, actor, {
        action: 'assessment.create',
        entity: 'assessment_sheet',
        entityId: id,
        unitId: unit.id,
        after: { title: input.title, items: input.items },
      });
      return id;
    });
  }

  /** Replaces the items: kept ones (by id) change in place, new ones are added, missing ones are removed. */
  async updateItems(actor: Actor, id: string, input: UpdateItemsBody): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const sheet = await this.readable(actor, id, tx);
      requireManage(actor, sheet.unit_path);
      const before = await repo.activeItems(tx, id);
      const problems = itemProblems(input.items);
      input.items.forEach((item, i) => {
        if (item.id && !before.some((b) => b.id === item.id))
          problems.push({ field: `items.${i}.id`, key: 'assessment.itemUnknown' });
      });
      if (problems.length) throw invalidFields(problems);
      const at = this.clock.now().toISOString();
      const kept = new Set(input.items.map((i) => i.id).filter(Boolean));
      for (const old of before) if (!kept.has(old.id)) await repo.updateItem(tx, old.id, { removed_at: at });
      const fresh: AssessmentItemRow[] = [];
      for (const [i, item] of input.items.entries()) {
        const row = itemRow(id, item, i + 1, item.id);
        if (item.id)
          await repo.updateItem(tx, item.id, {
            position: row.position,
            kind: row.kind,
            metric: row.metric,
            title: row.title,
            weight: row.weight,
            guidance: row.guidance,
          });
        else fresh.push(row);
      }
      await repo.insertItems(tx, fresh);
      await repo.touchSheet(tx, id, at);
      const weights = (rows: { title: string; weight: number }[]) =>
        rows.map((r) => ({ title: r.title, weight: r.weight }));
      await this.audit.record(tx, actor, {
        action: 'assessment.items',
        entity: 'assessment_sheet',
        entityId: id,
        unitId: sheet.unit_id,
        before: weights(before),
        after: weights(input.items),
      });
    });
  }

  async list(actor: Actor): Promise<Sheet[]> {
    const scopes = actor.kind === 'account' ? actor.scopes : null;
    const above = scopes ? [...new Set(scopes.flatMap((s) => s.path.split('/').filter(Boolean)))] : [];
    const sheets = await repo.sheetsNear(this.db, scopes ? scopes.map((s) => s.path) : null, above);
    return sheets
      .filter((s) => canReadSheet(actor, s.unit_path))
      .map((s) => presentSheet(s, [], canEditSheet(actor, s.unit_path), localeOf(actor)));
  }

  async get(actor: Actor, id: string): Promise<Sheet> {
    const sheet = await this.readable(actor, id);
    return presentSheet(
      sheet,
      await repo.activeItems(this.db, id),
      canEditSheet(actor, sheet.unit_path),
      localeOf(actor),
    );
  }

  /** Every unit below the supervising unit, scored and ranked; for the supervising side only. */
  async ranking(actor: Actor, id: string): Promise<Ranking> {
    const sheet = await this.readable(actor, id);
    requireSee(actor, sheet.unit_path);
    const items = await repo.activeItems(this.db, id);
    const units = (await unitsUnder(this.db, sheet.unit_path)).filter((u) => u.id !== sheet.unit_id);
    const scores = await scoreSheet(this.db, sheet, items, units, sheet.unit_path, this.clock.now());
    return { sheet: presentSheet(sheet, items, canEditSheet(actor, sheet.unit_path), localeOf(actor)), units: scores };
  }

  /** One unit's own sheet: the supervising side, or the unit itself (and those above it). */
  async unitSheet(actor: Actor, id: string, unitId: string): Promise<UnitSheet> {
    const { sheet, unit } = await this.assessedUnit(actor, id, unitId);
    const items = await repo.activeItems(this.db, id);
    const [score] = await scoreSheet(this.db, sheet, items, [unit], unit.path, this.clock.now());
    return {
      sheet: presentSheet(sheet, items, canEditSheet(actor, sheet.unit_path), localeOf(actor)),
      score: score!,
      canAnswer: answersFor(actor, unit.id),
    };
  }

  /** The records behind one computed figure, and how they were counted. */
  async records(actor: Actor, id: string, unitId: string, itemId: string) {
    const { sheet, unit } = await this.assessedUnit(actor, id, unitId);
    const item = (await repo.activeItems(this.db, id)).find((i) => i.id === itemId);
    if (!item) throw notFound();
    const scope = scopeOf(sheet, unit.path, [unit], this.clock.now());
    const facts = ((await factsByItem(this.db, [item], scope)).get(item.id) ?? []).filter((f) => f.unitId === unit.id);
    facts.sort((a, b) => a.at.localeCompare(b.at));
    return {
      formula: formulaOf(item, localeOf(actor)),
      met: facts.filter((f) => f.ok).length,
      counted: facts.length,
      records: facts,
    };
  }

  async score(
    actor: Actor,
    id: string,
    unitId: string,
    itemId: string,
    input: { score: number; evidence: string },
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const { sheet, unit } = await this.assessedUnit(actor, id, unitId, tx);
      requireManage(actor, sheet.unit_path);
      const item = (await repo.activeItems(tx, id)).find((i) => i.id === itemId);
      if (!item) throw notFound();
      if (item.kind !== 'manual') throw invalid('score', 'assessment.notManual');
      if (input.score > item.weight) throw invalid('score', 'assessment.scoreRange', { max: item.weight });
      const before = (await repo.handScores(tx, [item.id], unit.id))[0];
      const row = {
        id: newId(),
        item_id: item.id,
        unit_id: unit.id,
        score: input.score,
        evidence: input.evidence,
        scored_by_person_id: personOf(actor),
        scored_at: this.clock.now().toISOString(),
      };
      await repo.saveHandScore(tx, row);
      await this.audit.record(tx, actor, {
        action: 'assessment.score',
        entity: 'assessment_sheet',
        entityId: id,
        unitId: unit.id,
        before: before ? { item: item.title, score: before.score, evidence: before.evidence } : undefined,
        after: { item: item.title, score: input.score, evidence: input.evidence },
      });
    });
  }

  async answer(actor: Actor, id: string, unitId: string, itemId: string, text: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const { unit } = await this.assessedUnit(actor, id, unitId, tx);
      if (!answersFor(actor, unit.id))
        throw new AppError(403, 'forbidden', 'assessment.notMember', { unit: unit.name });
      const item = (await repo.activeItems(tx, id)).find((i) => i.id === itemId);
      if (!item) throw notFound();
      await repo.saveAnswer(tx, {
        id: newId(),
        item_id: item.id,
        unit_id: unit.id,
        text,
        answered_by_person_id: personOf(actor),
        answered_at: this.clock.now().toISOString(),
      });
      await this.audit.record(tx, actor, {
        action: 'assessment.answer',
        entity: 'assessment_sheet',
        entityId: id,
        unitId: unit.id,
        after: { item: item.title, text },
      });
    });
  }

  private async readable(actor: Actor, id: string, db: Executor = this.db): Promise<repo.SheetWithUnit> {
    const sheet = await repo.findSheet(db, id);
    if (!sheet || !canReadSheet(actor, sheet.unit_path)) throw notFound();
    return sheet;
  }

  /** The sheet and one unit it scores, which the reader may see. */
  private async assessedUnit(actor: Actor, id: string, unitId: string, db: Executor = this.db) {
    const sheet = await this.readable(actor, id, db);
    const unit = await unitBrief(db, unitId);
    if (!unit || unit.id === sheet.unit_id || !unit.path.startsWith(sheet.unit_path) || !canSee(actor, unit.path))
      throw notFound();
    return { sheet, unit };
  }
}
