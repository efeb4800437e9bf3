import type { Executor } from '../../db/database.js';
import * as repo from './duty.repository.js';

/*
 * The duty module's read port: what waits for one person on the roster — a swap someone proposed
 * to them, and a handover written for the shift they take next.
 */

export interface SwapWaiting {
  swapId: string;
  unitId: string;
  unitName: string;
  fromName: string;
  localDate: string;
  /** When the proposer's shift starts: an answer after that is no use. */
  startsAt: string;
}

export async function swapsToAnswer(db: Executor, personId: string): Promise<SwapWaiting[]> {
  const rows = await db
    .selectFrom('duty_swaps as w')
    .innerJoin('duty_shifts as s', 's.id', 'w.shift_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .innerJoin('people as p', 'p.id', 'w.from_person_id')
    .select(['w.id', 'w.unit_id', 'u.name as unit_name', 'p.name as from_name', 's.local_date', 's.starts_at'])
    .where('w.to_person_id', '=', personId)
    .where('w.state', '=', 'proposed')
    .execute();
  return rows.map((r) => ({
    swapId: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    fromName: r.from_name,
    localDate: r.local_date,
    startsAt: r.starts_at,
  }));
}

export interface HandoverWaiting {
  handoverId: string;
  unitId: string;
  unitName: string;
  writerName: string;
  /** The local date of the shift that handed over (the duty screen opens on it). */
  localDate: string;
  /** When the next shift starts: the handover is meant to be read by then. */
  nextStartsAt: string;
}

/** How far back an unacknowledged handover still waits for the next shift. */
const HANDOVER_LOOKBACK_MS = 48 * 60 * 60_000;

/**
 * Unacknowledged handovers whose next shift (the first one starting when the handing-over shift
 * ends, as acknowledging decides) has this person on it.
 */
export async function handoversToAccept(db: Executor, personId: string, now: Date): Promise<HandoverWaiting[]> {
  const since = new Date(now.getTime() - HANDOVER_LOOKBACK_MS).toISOString();
  const rows = await db
    .selectFrom('duty_handovers as h')
    .innerJoin('duty_shifts as s', 's.id', 'h.shift_id')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('people as p', 'p.id', 'h.written_by_person_id')
    .select(['h.id', 'h.unit_id', 'u.name as unit_name', 'p.name as writer_name', 's.local_date', 's.ends_at'])
    .where('h.acknowledged_at', 'is', null)
    .where('h.written_at', '>=', since)
    .where(
      'h.unit_id',
      'in',
      db
        .selectFrom('duty_assignments as a')
        .innerJoin('duty_shifts as n', 'n.id', 'a.shift_id')
        .select('n.unit_id')
        .where('a.person_id', '=', personId)
        .where('n.ends_at', '>', since),
    )
    .execute();
  const out: HandoverWaiting[] = [];
  for (const r of rows) {
    const next = await repo.shiftStartingFrom(db, r.unit_id, r.ends_at);
    if (!next || !(await repo.assignmentsOf(db, [next.id])).some((a) => a.person_id === personId)) continue;
    out.push({
      handoverId: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      writerName: r.writer_name,
      localDate: r.local_date,
      nextStartsAt: next.starts_at,
    });
  }
  return out;
}
