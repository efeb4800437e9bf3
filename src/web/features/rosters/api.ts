import type {
  ClassRoster,
  Pupil,
  PupilBody,
  RosterAdult,
  RosterImportResult,
  SchoolClass,
} from '../../../common/schemas/rosters.js';
import { http } from '../../api/client.js';

export type { ClassRoster, Pupil, RosterAdult, SchoolClass };
export type NewPupil = Omit<PupilBody, 'adults'> & { adults: Partial<RosterAdult>[] };

export const rostersApi = {
  classes: (unitId: string) => http.get<SchoolClass[]>('/rosters/classes', { unitId }),
  createClass: (body: { unitId: string; name: string; teacherPersonId: string | null }) =>
    http.post<SchoolClass>('/rosters/classes', body),
  roster: (classId: string) => http.get<ClassRoster>(`/rosters/classes/${classId}`),
  addPupil: (body: NewPupil) => http.post<Pupil>('/rosters/pupils', body),
  updatePupil: (id: string, body: NewPupil) => http.put<Pupil>(`/rosters/pupils/${id}`, body),
  /** The pupil left the school: they and their adults are removed for good. */
  purgePupil: (id: string) => http.delete<void>(`/rosters/pupils/${id}`),
  importFile: (unitId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<RosterImportResult>('/rosters/import.xlsx', form, { unitId });
  },
  exportUrl: (unitId: string, classId?: string) =>
    `/api/v1/rosters/export.xlsx?${new URLSearchParams(classId ? { unitId, classId } : { unitId })}`,
};
