import type { Unit } from '../../../common/schemas/units.js';
import type { UnitWithCount } from './units.repository.js';

/** The fields of a unit that leave the server; the path stays inside. */
export function presentUnit(row: UnitWithCount): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    type: row.type,
    timeZone: row.time_zone,
    locale: row.locale as Unit['locale'],
    depth: row.depth,
    enrolment: row.enrolment,
    childCount: Number(row.child_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
