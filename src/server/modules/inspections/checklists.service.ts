import type { z } from 'zod';
import type { Locale } from '../../../common/locale.js';
import type { Db } from '../../db/database.js';
import { listChecklistTemplates, loadChecklistTemplate } from '../../exports/checklist-templates.js';
import type { Clock } from '../../lib/clock.js';
import { invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './checklists.repository.js';
import type {
  ChecklistItem,
  CopyTemplateBody,
  ItemInput,
  UpdateChecklistBody,
} from '../../../common/schemas/inspections.js';

export const unitLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'zh-CN');
export const itemsOf = (row: repo.ChecklistRow): ChecklistItem[] => JSON.parse(row.items_json) as ChecklistItem[];

/**
 * Gives every item a code: kept codes stay (earlier runs refer to them), new items get the next
 * number after the checklist's own letters, e.g. C23 after C22 — never the code of an item just
 * removed (`previous`), so an old result cannot be read as the new item's.
 */
export function assignCodes(items: z.infer<typeof ItemInput>[], previous: string[] = []): ChecklistItem[] {
  const problems: FieldProblem[] = [];
  const used = new Set<string>();
  items.forEach((item, i) => {
    if (!item.code) return;
    if (used.has(item.code))
      problems.push({ field: `items.${i}`, key: 'checklist.codeTwice', params: { code: item.code } });
    used.add(item.code);
  });
  if (problems.length) throw invalidFields(problems);
  const prefix = /^[A-Z]+/.exec(items.find((i) => i.code)?.code ?? previous[0] ?? '')?.[0] ?? 'X';
  const taken = [...used, ...previous].filter((c) => /^[A-Z]+/.exec(c)?.[0] === prefix);
  let next = Math.max(0, ...taken.map((c) => Number(c.slice(prefix.length)) || 0)) + 1;
  return items.map((item) => {
    let code = item.code;
    while (!code) {
      const candidate = `${prefix}${String(next++).padStart(2, '0')}`;
      if (!used.has(candidate)) code = candidate;
    }
    used.add(code);
    return { code, text: item.text, guidance: item.guidance, risk: item.risk, fixDays: item.fixDays };
  });
}

/** A unit's checklists: copied from the templates Steady ships, then reworded to fit the place. */
export class ChecklistService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
  ) {}

  /** The shipped templates, in the unit's language, marked when written for its kind of unit. */
  async templates(actor: Actor, unitId: string | undefined, fallback: Locale) {
    const unit = unitId ? await this.units.requireVisible(actor, unitId) : null;
    const locale = unit ? unitLocale(unit.locale) : fallback;
    return listChecklistTemplates().map((t) => ({
      id: t.id,
      area: t.area[locale],
      frequency: t.frequency,
      itemCount: t.items.length,
      suits: unit ? (t.unitTypes as readonly string[]).includes(unit.type) : true,
    }));
  }

  async copyTemplate(actor: Actor, input: z.infer<typeof CopyTemplateBody>): Promise<repo.ChecklistRow> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const locale = unitLocale(unit.locale);
      const template = loadChecklistTemplate(input.templateId);
      const items: ChecklistItem[] = template.items.map((i) => ({
        code: i.code,
        text: i.text[locale],
        guidance: i.guidance[locale],
        risk: i.defaultRisk,
        fixDays: i.defaultFixDays,
      }));
      const now = this.clock.now().toISOString();
      const row: repo.ChecklistRow = {
        id: newId(),
        unit_id: unit.id,
        template_id: template.id,
        name: input.name ?? template.area[locale],
        locale,
        items_json: JSON.stringify(items),
        created_at: now,
        updated_at: now,
      };
      await repo.insertChecklist(tx, row);
      await this.audit.record(tx, actor, {
        action: 'checklist.copy',
        entity: 'checklist',
        entityId: row.id,
        unitId: unit.id,
        after: { templateId: template.id, name: row.name, items: items.length },
      });
      return row;
    });
  }

  async update(actor: Actor, id: string, input: z.infer<typeof UpdateChecklistBody>): Promise<repo.ChecklistRow> {
    return this.db.transaction().execute(async (tx) => {
      const before = await repo.findChecklist(tx, id);
      if (!before) throw notFound();
      await this.units.requireManageable(actor, before.unit_id, tx);
      const items = input.items
        ? assignCodes(
            input.items,
            itemsOf(before).map((i) => i.code),
          )
        : itemsOf(before);
      const changes = {
        name: input.name ?? before.name,
        items_json: JSON.stringify(items),
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateChecklist(tx, id, changes);
      const old = itemsOf(before);
      await this.audit.record(tx, actor, {
        action: 'checklist.update',
        entity: 'checklist',
        entityId: id,
        unitId: before.unit_id,
        before: { name: before.name, codes: old.map((i) => i.code) },
        after: { name: changes.name, codes: items.map((i) => i.code) },
      });
      return { ...before, ...changes };
    });
  }

  async get(actor: Actor, id: string): Promise<repo.ChecklistRow> {
    const row = await repo.findChecklist(this.db, id);
    if (!row) throw notFound();
    await this.units.requireVisible(actor, row.unit_id);
    return row;
  }

  async list(actor: Actor, unitId: string) {
    await this.units.requireVisible(actor, unitId);
    return repo.checklistsOf(this.db, unitId);
  }
}
