import type { CheckIn, Checkpoint, Patrol } from '../../../common/schemas/patrols.js';
import type { CheckInWithNames, CheckpointRow, PatrolRow } from './patrols.repository.js';

/** The web address a checkpoint's QR code holds: the phone opens it and checks the point in. */
export const checkInUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/+$/, '')}/patrols/c/${code}`;

/** A checkpoint; its secret address only for someone who keeps the checkpoints (`baseUrl` given). */
export function presentCheckpoint(c: CheckpointRow, baseUrl: string | null): Checkpoint {
  return {
    id: c.id,
    unitId: c.unit_id,
    name: c.name,
    locationHint: c.location_hint,
    active: c.active === 1,
    checkInUrl: baseUrl ? checkInUrl(baseUrl, c.code) : null,
    createdAt: c.created_at,
  };
}

export function presentCheckIn(c: CheckInWithNames): CheckIn {
  return {
    id: c.id,
    checkpointId: c.checkpoint_id,
    checkpointName: c.checkpoint_name,
    patrolId: c.patrol_id,
    personId: c.person_id,
    personName: c.person_name,
    at: c.at,
    method: c.method,
    note: c.note,
    hasPhoto: c.photo_path !== null,
  };
}

/**
 * A patrol. An unannounced patrol's time stays hidden until it is announced: the screen says
 * one is coming, never when, so nobody can plan around it.
 */
export function presentPatrol(p: PatrolRow, checkIns: CheckInWithNames[], activePointIds: Set<string>): Patrol {
  const hidden = p.kind === 'unannounced' && p.state === 'planned';
  const reached = new Set(checkIns.filter((c) => activePointIds.has(c.checkpoint_id)).map((c) => c.checkpoint_id));
  return {
    id: p.id,
    unitId: p.unit_id,
    nightDate: p.night_date,
    kind: p.kind,
    state: p.state,
    dueAt: hidden ? null : p.due_at,
    openedAt: p.opened_at,
    deadlineAt: p.deadline_at,
    doneAt: p.done_at,
    checked: reached.size,
    of: activePointIds.size,
    checkIns: checkIns.map(presentCheckIn),
  };
}
