import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth/session.js';

/** The unit a screen shows, kept in the address (`?unit=`) so a reload or a shared link keeps it. */
export function useUnitChoice(): [string | undefined, (unitId: string | undefined) => void] {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? me.scopes[0]?.unitId;
  const choose = useCallback(
    (next: string | undefined) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next) copy.set('unit', next);
          else copy.delete('unit');
          // Another unit's list starts at its first page.
          copy.delete('page');
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [unitId, choose];
}
