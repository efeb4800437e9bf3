import type { Insertable, Selectable, Updateable } from 'kysely';
import type { UnitType } from '../../../common/org.js';

export interface UnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  type: UnitType;
  time_zone: string;
  locale: string;
  /** Ids from the root down to this unit, as `/id1/id2/`; a subtree is a prefix match. */
  path: string;
  depth: number;
  /** Pupils enrolled (schools and kindergartens); the guards a unit needs follow from it. */
  enrolment: number | null;
  created_at: string;
  updated_at: string;
}

export interface UnitTables {
  units: UnitTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
