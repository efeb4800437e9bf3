import type { Selectable } from 'kysely';

/** A class of a school or kindergarten, and the teacher who keeps its roster. */
export interface SchoolClassTable {
  id: string;
  unit_id: string;
  name: string;
  teacher_person_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A pupil: a name in a class, nothing more. */
export interface PupilTable {
  id: string;
  unit_id: string;
  class_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** A guardian or an adult authorised to collect the pupil; goes with the pupil (cascade). */
export interface PupilAdultTable {
  id: string;
  pupil_id: string;
  position: number;
  name: string;
  relation: string;
  mobile: string;
  /** The last four characters of an ID document, upper case; never the whole number. */
  id_last4: string | null;
  guardian: number;
  may_collect: number;
}

export interface RosterTables {
  school_classes: SchoolClassTable;
  pupils: PupilTable;
  pupil_adults: PupilAdultTable;
}

export type SchoolClassRow = Selectable<SchoolClassTable>;
export type PupilRow = Selectable<PupilTable>;
export type PupilAdultRow = Selectable<PupilAdultTable>;
