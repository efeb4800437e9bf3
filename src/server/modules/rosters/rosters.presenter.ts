import type { Pupil, RosterAdult, SchoolClass } from '../../../common/schemas/rosters.js';
import type { PupilAdultRow, PupilWithAdults, SchoolClassRow } from './rosters.repository.js';

export const presentClass = (c: SchoolClassRow & { teacher_name?: string | null; pupils: number }): SchoolClass => ({
  id: c.id,
  unitId: c.unit_id,
  name: c.name,
  teacherPersonId: c.teacher_person_id,
  teacherName: c.teacher_name ?? null,
  pupils: c.pupils,
});

export const presentPupil = (p: PupilWithAdults): Pupil => ({
  id: p.id,
  classId: p.class_id,
  name: p.name,
  adults: p.adults.map(presentAdult),
});

export const presentAdult = (a: PupilAdultRow): RosterAdult => ({
  name: a.name,
  relation: a.relation,
  mobile: a.mobile,
  idLast4: a.id_last4,
  guardian: a.guardian === 1,
  mayCollect: a.may_collect === 1,
});
