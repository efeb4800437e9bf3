import type { UnitType } from '../../../common/org.js';

/** The kind of unit most often added under a unit of this kind. */
export function likelyChildType(parent: UnitType): UnitType {
  switch (parent) {
    case 'education_bureau':
      return 'central_school';
    case 'central_school':
      return 'school';
    case 'street_office':
      return 'community';
    default:
      return 'other';
  }
}
