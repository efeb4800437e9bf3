import type { ItemScore, UnitScore } from '../../../common/schemas/assessment.js';
import type { RecordFact } from '../../lib/record-facts.js';
import type { AssessmentAnswerRow, AssessmentHandScoreRow, AssessmentItemRow } from './assessment.table.js';

/*
 * The arithmetic of a sheet, kept pure so a test can check it by hand:
 *
 *   computed item  points = weight × met ÷ counted          (no records counted → no data)
 *   manual item    points = the hand score, 0 … weight      (not scored yet → no data)
 *   unit total     total  = 100 × Σ points ÷ Σ weight of the items with data
 *
 * An item without data adds nothing to either side, so a unit is neither rewarded nor punished
 * for records that did not exist; a unit with no data at all has no total and no rank.
 */

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export interface ScoringInput {
  units: { id: string; name: string; type: string }[];
  items: AssessmentItemRow[];
  /** Records per metric item id. */
  facts: Map<string, RecordFact[]>;
  handScores: AssessmentHandScoreRow[];
  answers: AssessmentAnswerRow[];
}

function itemScore(item: AssessmentItemRow, unitId: string, input: ScoringInput): ItemScore {
  const answer = input.answers.find((a) => a.item_id === item.id && a.unit_id === unitId) ?? null;
  const answered = { answer: answer?.text ?? null, answeredAt: answer?.answered_at ?? null };
  if (item.kind === 'manual') {
    const hand = input.handScores.find((h) => h.item_id === item.id && h.unit_id === unitId);
    return {
      itemId: item.id,
      met: null,
      counted: null,
      points: hand ? hand.score : null,
      noData: !hand,
      evidence: hand?.evidence ?? null,
      scoredAt: hand?.scored_at ?? null,
      ...answered,
    };
  }
  const facts = (input.facts.get(item.id) ?? []).filter((f) => f.unitId === unitId);
  const met = facts.filter((f) => f.ok).length;
  const counted = facts.length;
  return {
    itemId: item.id,
    met,
    counted,
    points: counted === 0 ? null : oneDecimal((item.weight * met) / counted),
    noData: counted === 0,
    evidence: null,
    scoredAt: null,
    ...answered,
  };
}

/** Scores every unit and ranks them: best total first, equal totals share a rank, no data last. */
export function scoreUnits(input: ScoringInput): UnitScore[] {
  const scores = input.units.map((unit): UnitScore => {
    const items = input.items.map((item) => itemScore(item, unit.id, input));
    const withData = input.items.filter((_, i) => !items[i]!.noData);
    const assessedWeight = withData.reduce((sum, item) => sum + item.weight, 0);
    const earned = oneDecimal(items.reduce((sum, s) => sum + (s.points ?? 0), 0));
    const total = assessedWeight === 0 ? null : oneDecimal((100 * earned) / assessedWeight);
    return {
      unitId: unit.id,
      unitName: unit.name,
      unitType: unit.type,
      rank: null,
      total,
      earned,
      assessedWeight,
      items,
    };
  });
  const ranked = scores.filter((s) => s.total !== null).sort((a, b) => b.total! - a.total!);
  ranked.forEach((s, i) => {
    s.rank = i > 0 && ranked[i - 1]!.total === s.total ? ranked[i - 1]!.rank : i + 1;
  });
  return [...ranked, ...scores.filter((s) => s.total === null).sort((a, b) => a.unitName.localeCompare(b.unitName))];
}
