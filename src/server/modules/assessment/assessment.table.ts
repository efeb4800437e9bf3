import type { Selectable } from 'kysely';
import type { ItemKind } from '../../../common/schemas/assessment.js';

/** A scoring sheet a supervising unit defines for a period; it scores every unit below it. */
export interface AssessmentSheetTable {
  id: string;
  unit_id: string;
  title: string;
  /** Local dates, both included, in each assessed unit's zone. */
  period_start: string;
  period_end: string;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentItemTable {
  id: string;
  sheet_id: string;
  position: number;
  /** computed (from the records, by `metric`) or manual (scored by hand with evidence). */
  kind: ItemKind;
  metric: string | null;
  title: string;
  /** Points; a sheet's weights add up to 100. */
  weight: number;
  guidance: string;
  /** Set when an edit of the sheet dropped the item; its hand scores and answers stay on file. */
  removed_at: string | null;
}

export interface AssessmentHandScoreTable {
  id: string;
  item_id: string;
  unit_id: string;
  score: number;
  evidence: string;
  scored_by_person_id: string | null;
  scored_at: string;
}

/** A unit's answer to one item of its sheet (an explanation, or a correction it asks for). */
export interface AssessmentAnswerTable {
  id: string;
  item_id: string;
  unit_id: string;
  text: string;
  answered_by_person_id: string | null;
  answered_at: string;
}

export type AssessmentSheetRow = Selectable<AssessmentSheetTable>;
export type AssessmentItemRow = Selectable<AssessmentItemTable>;
export type AssessmentHandScoreRow = Selectable<AssessmentHandScoreTable>;
export type AssessmentAnswerRow = Selectable<AssessmentAnswerTable>;

/** This module's tables, as `Database` extends them. */
export interface AssessmentTables {
  assessment_sheets: AssessmentSheetTable;
  assessment_items: AssessmentItemTable;
  assessment_hand_scores: AssessmentHandScoreTable;
  assessment_answers: AssessmentAnswerTable;
}
