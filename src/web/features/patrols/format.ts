import type { Me } from '../../../common/schemas/auth.js';
import type { PatrolState } from '../../../common/schemas/patrol-limits.js';

/** `HH:mm` of an instant in the unit's own time zone (a patrol happens where the unit is). */
export function timeIn(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(
    new Date(iso),
  );
}

/** The day before or after a `YYYY-MM-DD` date. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const STATE_COLORS: Record<PatrolState, string> = {
  planned: 'default',
  open: 'processing',
  done: 'success',
  missed: 'error',
  cancelled: 'default',
};

const PATROL_ROLES = ['duty_staff', 'duty_leader', 'gatekeeper', 'safety_officer', 'accountable_head'];

/** The unit a patrol screen opens on: the one asked for, else where the user walks the rounds. */
export function defaultUnit(me: Me, asked: string | null): string | undefined {
  if (asked) return asked;
  return (me.scopes.find((s) => s.roles.some((r) => PATROL_ROLES.includes(r))) ?? me.scopes[0])?.unitId;
}
