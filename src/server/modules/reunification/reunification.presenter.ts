import type {
  ReleaseCheck,
  Reunification,
  ReunificationSummary,
  WaitingPupil,
} from '../../../common/schemas/reunification.js';
import type { ReunificationRow } from './reunification.repository.js';
import type { ReunificationView } from './reunification.service.js';

export const presentSummary = (r: ReunificationRow): ReunificationSummary => ({
  id: r.id,
  unitId: r.unit_id,
  point: r.point,
  status: r.status,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});

/** Release staff get the point, the staff and the counts; the lists only go to the head and safety officer. */
export const presentReunification = (v: ReunificationView): Reunification => ({
  ...presentSummary(v.r),
  incidentId: v.r.incident_id,
  timeZone: v.timeZone,
  staff: v.staff,
  counts: v.counts,
  keeper: v.keeper,
  releases:
    v.outcomes?.map((o) => ({
      pupilId: o.pupil_id,
      pupilName: o.pupil_name,
      className: o.class_name,
      state: o.state,
      adultName: o.adult_name,
      adultRelation: o.adult_relation,
      staffName: o.staff_name,
      at: o.at,
    })) ?? null,
  refusals:
    v.refusals?.map((f) => ({
      id: f.id,
      pupilId: f.pupil_id,
      pupilName: f.pupil_name,
      className: f.class_name,
      nameGiven: f.name_given,
      mobileGiven: f.mobile_given,
      failed: JSON.parse(f.failed_json) as ReleaseCheck[],
      staffName: f.staff_name,
      at: f.at,
    })) ?? null,
  // Only readers who may look get here (keepers, and release staff while it is open); closed, none.
  checkSecret: v.r.status === 'open' ? v.r.check_secret : null,
});

/** A child as release staff find them: the adults who may collect by name and relation, no mobile or ID. */
export const presentWaiting = (p: {
  id: string;
  name: string;
  class_name: string;
  state: string | null;
  collectors: { name: string; relation: string; check: string | null }[];
}): WaitingPupil => ({
  id: p.id,
  name: p.name,
  className: p.class_name,
  state: (p.state ?? 'waiting') as WaitingPupil['state'],
  collectors: p.collectors.map((a) => ({ name: a.name, relation: a.relation, check: a.check })),
});
