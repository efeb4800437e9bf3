import type { Executor } from '../../db/database.js';
import type { Window } from '../../lib/record-facts.js';

/** The drills module's read port: drills done by units under `path`, ended within the window. */
export interface DoneDrill {
  unitId: string;
  id: string;
  type: string;
  title: string;
  endedAt: string;
  evacuationSeconds: number | null;
}

export async function doneDrills(db: Executor, path: string, window: Window): Promise<DoneDrill[]> {
  const rows = await db
    .selectFrom('drills as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.unit_id', 'd.id', 'd.type', 'd.title', 'd.ended_at', 'd.evacuation_seconds'])
    .where('u.path', 'like', `${path}%`)
    .where('d.status', '=', 'done')
    .where('d.ended_at', '>=', window.from)
    .where('d.ended_at', '<', window.to)
    .orderBy('d.ended_at')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    id: r.id,
    type: r.type,
    title: r.title,
    endedAt: r.ended_at!,
    evacuationSeconds: r.evacuation_seconds,
  }));
}
