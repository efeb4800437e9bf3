import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth/session.js';

/** The unit the duty screens show: `?unit=` when chosen, else the first unit where the user holds a role. */
export function useDutyUnit(): [string | undefined, (id: string | undefined) => void] {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? me.scopes[0]?.unitId;
  const choose = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('unit', id);
    else next.delete('unit');
    setParams(next, { replace: true });
  };
  return [unitId, choose];
}

/** Whether the user may keep rosters somewhere (the safety officer's role); the server decides each time. */
export function useKeepsRosters(): boolean {
  const me = useMe();
  return me.scopes.some((s) => s.roles.includes('safety_officer'));
}
