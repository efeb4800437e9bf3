import type { z } from 'zod';
import type { InspectionResultRow, InspectionScheduleRow } from './inspections.table.js';
import type * as checklistsRepo from './checklists.repository.js';
import { itemsOf } from './checklists.service.js';
import type {
  Checklist,
  ChecklistSummary,
  Inspection,
  InspectionSummary,
  Schedule,
  Task,
} from '../../../common/schemas/inspections.js';
import type { RectificationService } from './rectification.service.js';

/*
 * What leaves the server. People appear by name only where the reader needs it (owner, verifier,
 * inspector); no phone numbers or other personal data travel with a task.
 */

export const presentChecklist = (c: checklistsRepo.ChecklistRow): z.infer<typeof Checklist> => ({
  id: c.id,
  unitId: c.unit_id,
  templateId: c.template_id,
  name: c.name,
  locale: c.locale,
  items: itemsOf(c),
  createdAt: c.created_at,
  updatedAt: c.updated_at,
});

export const presentChecklistSummary = (
  c: checklistsRepo.ChecklistRow & { last_run_at: unknown },
): z.infer<typeof ChecklistSummary> => ({
  id: c.id,
  unitId: c.unit_id,
  templateId: c.template_id,
  name: c.name,
  locale: c.locale,
  createdAt: c.created_at,
  updatedAt: c.updated_at,
  itemCount: itemsOf(c).length,
  lastRunAt: (c.last_run_at as string | null) ?? null,
});

export const presentSchedule = (s: InspectionScheduleRow & { checklist_name: string }): z.infer<typeof Schedule> => ({
  id: s.id,
  unitId: s.unit_id,
  checklistId: s.checklist_id,
  checklistName: s.checklist_name,
  cadence: s.cadence,
  role: s.role,
  nextDueDate: s.next_due_date,
  active: s.active === 1,
});

type RunWithNames = checklistsRepo.InspectionRow & { unit_name: string; inspector_name: string | null };

export const presentInspectionSummary = (r: RunWithNames): z.infer<typeof InspectionSummary> => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  checklistId: r.checklist_id,
  checklistName: r.checklist_name,
  inspector: r.inspector_name ?? r.inspector_label,
  submittedAt: r.submitted_at,
  note: r.note,
  counts: { pass: r.pass_count, fail: r.fail_count, na: r.na_count },
});

export function presentInspection(found: {
  run: RunWithNames;
  results: InspectionResultRow[];
  photos: Map<string, string[]>;
}): z.infer<typeof Inspection> {
  return {
    ...presentInspectionSummary(found.run),
    results: found.results.map((r) => ({
      itemCode: r.item_code,
      itemText: r.item_text,
      result: r.result,
      note: r.note,
      photoIds: found.photos.get(r.id) ?? [],
      taskId: r.task_id,
    })),
  };
}

export function presentTask(v: Awaited<ReturnType<RectificationService['view']>>): z.infer<typeof Task> {
  const t = v.task;
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    title: t.title,
    risk: t.risk,
    source: {
      kind: t.source_kind,
      id: t.source_id,
      label: t.source_label,
      itemCode: t.source_item_code,
      detail: t.source_detail,
    },
    ownerPersonId: t.owner_person_id,
    ownerName: t.owner_name,
    dueAt: t.due_at,
    state: t.state,
    overdue: t.state !== 'closed' && Date.parse(t.due_at) <= v.now.getTime(),
    overdueAt: t.overdue_at,
    reportedFixedAt: t.reported_fixed_at,
    closedAt: t.closed_at,
    verifiedBy: t.verifier_name,
    supervision:
      t.supervising_unit_id && t.supervised_at
        ? {
            unitId: t.supervising_unit_id,
            unitName: t.supervising_unit_name ?? '',
            by: t.supervisor_name ?? '',
            at: t.supervised_at,
            note: t.supervision_note ?? '',
          }
        : null,
    createdAt: t.created_at,
    events: v.events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actor: e.person_name ?? e.actor_label,
      note: e.note,
      photoIds: v.photos.get(e.id) ?? [],
    })),
    can: v.can,
  };
}
