import type { UnitToday } from '../../common/schemas/units.js';
import { unitsApi } from '../api/endpoints.js';
import { useResource, type Resource } from './useResource.js';

/**
 * "Today" for a unit, as the server decides it in the unit's own zone: a phone set to UTC or a PC
 * in another zone must not move the day a screen starts from. Undefined until the answer arrives.
 */
export function useUnitToday(unitId: string | undefined): Resource<UnitToday | null> {
  return useResource(() => (unitId ? unitsApi.today(unitId) : Promise.resolve(null)), [unitId]);
}
