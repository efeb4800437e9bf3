import type { Me } from '../../../common/schemas/auth.js';

const KEEPERS = ['accountable_head', 'safety_officer'];

/** The head or the safety officer of the unit itself: they start, watch and close its roll calls. */
export function isRollKeeper(me: Me, unitId: string | undefined): boolean {
  return !!unitId && me.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => KEEPERS.includes(r)));
}

/** The school a person's roll call screen opens on: where they teach a class, else keep the roll, else the first. */
export function rollCallUnit(me: Me): string | undefined {
  return (
    me.scopes.find((s) => s.roles.includes('class_teacher'))?.unitId ??
    me.scopes.find((s) => s.roles.some((r) => KEEPERS.includes(r)))?.unitId ??
    me.scopes[0]?.unitId
  );
}
