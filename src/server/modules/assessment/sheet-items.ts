import type { ItemInput } from '../../../common/schemas/assessment.js';
import { WEIGHT_TOTAL } from '../../../common/schemas/assessment.js';
import type { FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { AssessmentItemRow } from './assessment.table.js';

/** Problems with a sheet's items: weights must add up to 100. */
export function itemProblems(items: ItemInput[]): FieldProblem[] {
  const sum = items.reduce((s, i) => s + i.weight, 0);
  return sum === WEIGHT_TOTAL
    ? []
    : [{ field: 'items', key: 'assessment.weightsSum', params: { sum, total: WEIGHT_TOTAL } }];
}

export const itemRow = (sheetId: string, input: ItemInput, position: number, id = newId()): AssessmentItemRow => ({
  id,
  sheet_id: sheetId,
  position,
  kind: input.kind,
  metric: input.kind === 'computed' ? input.metric : null,
  title: input.title,
  weight: input.weight,
  guidance: input.guidance,
  removed_at: null,
});
