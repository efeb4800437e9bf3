import type { Me } from '../../../common/schemas/auth.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';
import type { ComplianceState } from './api.js';

/** Evacuation of a building of four storeys or fewer: EVACUATION_TARGET_SECONDS of the schema. */
export const EVACUATION_TARGET_SECONDS = 120;
export const TEXT_MAX = 5000;
export const PROBLEM_MAX = 500;
export const PROBLEMS_MAX = 30;

/** One colour per compliance state, the same in tags, dots and the summary bar. */
export const STATE_COLOURS: Record<ComplianceState, string> = {
  on_schedule: '#389e0d',
  due_soon: '#d48806',
  overdue: '#cf1322',
  not_required: '#8c8c8c',
};
export const STATE_ORDER: readonly ComplianceState[] = ['overdue', 'due_soon', 'on_schedule', 'not_required'];

/** 105 → "1:45". */
export function minSec(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of an instant in a unit's zone: the day a drill held then counts for. */
export const dayIn = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(date);

/** A date (`YYYY-MM-DD` or an ISO time) as the locale writes a day. */
export function formatDay(value: string | null, locale: string): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/**
 * Whether to offer scheduling and recording: the user holds a managing role somewhere above or at
 * the unit. Only a hint for the screen; the server decides.
 */
export function mayManageDrills(me: Me): boolean {
  return me.isAdmin || me.scopes.some((s) => s.roles.some((r) => ORG_MANAGER_ROLES.includes(r)));
}
