import { ORG_MANAGER_ROLES } from '../../../common/org.js';
import { useResource } from '../../components/useResource.js';
import { useMe } from '../auth/session.js';
import { useUnitTree } from '../units/useUnitTree.js';

/**
 * What the user may do with a unit's plan: edit it (a managing role in the unit or above) and
 * publish it (the unit's own accountable head). Only hints for the buttons: the server decides.
 */
export function usePlanRights(unitId: string | undefined): { canEdit: boolean; canPublish: boolean } {
  const me = useMe();
  const tree = useUnitTree();
  const ancestors = useResource(() => (unitId ? tree.reveal(unitId).catch(() => []) : Promise.resolve([])), [unitId]);
  if (!unitId) return { canEdit: false, canPublish: false };
  const managed = new Set(
    me.scopes.filter((s) => s.roles.some((r) => ORG_MANAGER_ROLES.includes(r))).map((s) => s.unitId),
  );
  return {
    canEdit: [...(ancestors.data ?? []), unitId].some((id) => managed.has(id)),
    canPublish: me.scopes.some((s) => s.unitId === unitId && s.roles.includes('accountable_head')),
  };
}
