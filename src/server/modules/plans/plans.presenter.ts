import type { Locale } from '../../../common/locale.js';
import { PlanContent } from '../../../common/schemas/plan-content.js';
import type { PlanSummary, PlanVersion } from '../../../common/schemas/plans.js';
import { planBlanks } from '../../../common/plan-blanks.js';
import type { z } from 'zod';
import type { PlanVersionRow } from './plans.table.js';
import type { PlanBundle } from './plans.service.js';
import type { PlanWithUnit } from './plans.repository.js';
import { inForce, namedPeople, periodOf } from './plan-versions.js';

type Person = { id: string; name: string; phone: string | null };

export function presentVersion(plan: PlanWithUnit, row: PlanVersionRow, people: Map<string, Person>): PlanVersion {
  const content = PlanContent.parse(JSON.parse(row.content_json));
  const ids = namedPeople(row);
  return {
    id: row.id,
    planId: plan.id,
    unitId: plan.unit_id,
    unitName: plan.unit_name,
    unitType: plan.unit_type,
    kind: plan.kind,
    title: row.title,
    locale: row.locale as Locale,
    version: row.version,
    status: row.status,
    period: periodOf(row),
    coversSubUnits: row.covers_sub_units === 1,
    content,
    people: [...new Set(ids)].map((id) => people.get(id)).filter((p): p is Person => Boolean(p)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    approvedBy: row.approved_by_person_id ? (people.get(row.approved_by_person_id) ?? null) : null,
    blanks: planBlanks({ title: row.title, period: periodOf(row), content }),
  };
}

export function presentSummary({ plan, versions }: PlanBundle, now: Date): z.infer<typeof PlanSummary> {
  const published = versions.find((v) => v.status === 'published');
  // A standing plan replaced by another of the unit's plans keeps only superseded versions.
  const lastPublished = published ?? versions.filter((v) => v.published_at).at(-1);
  const draft = versions.find((v) => v.status === 'draft');
  const shown = draft ?? published ?? versions[versions.length - 1]!;
  return {
    id: plan.id,
    unitId: plan.unit_id,
    unitName: plan.unit_name,
    kind: plan.kind,
    title: shown.title,
    period: periodOf(shown),
    publishedVersion: lastPublished?.version ?? null,
    draftVersion: draft?.version ?? null,
    inForce: inForce(plan, published, now),
    updatedAt: plan.updated_at,
  };
}
