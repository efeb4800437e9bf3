import type { Locale } from '../../../common/locale.js';
import type { Metric, Sheet } from '../../../common/schemas/assessment.js';
import { translate, type MessageKey } from '../../lib/messages.js';
import type { SheetWithUnit } from './assessment.repository.js';
import type { AssessmentItemRow } from './assessment.table.js';

/** How an item's figure is made, in words, in the reader's language. */
export function formulaOf(item: Pick<AssessmentItemRow, 'kind' | 'metric' | 'weight'>, locale: Locale): string {
  if (item.kind === 'manual') return translate(locale, 'assessment.formula.manual', { weight: item.weight });
  const key = `assessment.formula.${item.metric as Metric}` as MessageKey;
  return translate(locale, key, { weight: item.weight });
}

export function presentSheet(
  sheet: SheetWithUnit,
  items: AssessmentItemRow[],
  canEdit: boolean,
  locale: Locale,
): Sheet {
  return {
    id: sheet.id,
    unitId: sheet.unit_id,
    unitName: sheet.unit_name,
    timeZone: sheet.unit_time_zone,
    title: sheet.title,
    periodStart: sheet.period_start,
    periodEnd: sheet.period_end,
    canEdit,
    createdAt: sheet.created_at,
    updatedAt: sheet.updated_at,
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      kind: i.kind,
      metric: (i.metric as Metric | null) ?? null,
      title: i.title,
      weight: i.weight,
      guidance: i.guidance,
      formula: formulaOf(i, locale),
    })),
  };
}
