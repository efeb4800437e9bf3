import { DEFAULT_TIME_ZONE } from '../../../common/locale.js';
import { useMe } from '../../features/auth/session.js';
import { useUnitToday } from '../useUnitToday.js';

/** The time zone of a unit (the person's first unit when none is named), as the server keeps it. */
export function useUnitZone(unitId?: string): string {
  const me = useMe();
  const today = useUnitToday(unitId ?? me.scopes[0]?.unitId);
  return today.data?.timeZone ?? DEFAULT_TIME_ZONE;
}
