import type { IncidentFlag, IncidentStatus } from './api.js';
import type { IncidentsT } from './i18n.js';

export const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'] as const;

/** Tag colours by severity, after the warning colours (Ⅰ red … Ⅳ blue). */
export const SEVERITY_COLOURS: Record<number, string> = { 1: '#c41d1d', 2: '#d4580b', 3: '#b07d00', 4: '#1f6fd1' };

export const STATUS_COLOURS: Record<string, string> = {
  reported: 'red',
  acknowledged: 'orange',
  responding: 'blue',
  under_control: 'cyan',
  closed: 'default',
};

/** "3 min", "2 h 5 min", "1 d 3 h": a duration people read at a glance. */
export function duration(it: IncidentsT, ms: number): string {
  const abs = Math.max(0, Math.abs(ms));
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 1) return it('dur.s', { n: Math.floor(abs / 1000) });
  if (minutes < 60) return it('dur.m', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? it('dur.hm', { h: hours, m: minutes % 60 }) : it('dur.h', { h: hours });
  return it('dur.d', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** A countdown as mm:ss (h:mm:ss beyond an hour); the sign is the caller's business. */
export function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * The headline of one of a plan's principles: its first sentence ("以人为本，生命至上。…" → "以人为本，生命至上";
 * "People first, life above all. When…" → "People first, life above all"), shortened if the plan runs on.
 */
export function principleHeadline(line: string, max = 40): string {
  const ends = [line.search(/[。！？；]/), line.search(/[.!?;](\s|$)/)].filter((i) => i > 0);
  const head = (ends.length ? line.slice(0, Math.min(...ends)) : line).trim();
  return head.length > max ? `${head.slice(0, max - 1)}…` : head;
}

/*
 * Mirrors of src/common/schemas/incidents.ts: importing values from there would bring zod into the
 * web bundle. The types below make the compiler notice if the lists drift apart.
 */
type FlagKind = IncidentFlag['kind'];
export const STATUSES: readonly IncidentStatus[] = [
  'reported',
  'acknowledged',
  'responding',
  'under_control',
  'closed',
];
/**
 * The statuses the handler sets by hand; 已接报 (acknowledged) follows from a chain step acknowledged, never from this
 * control.
 */
export const FORWARD_STATUSES = ['responding', 'under_control'] as const satisfies readonly IncidentStatus[];
export const FLAG_KIND_LIST: readonly FlagKind[] = ['late', 'missing', 'concealed'];
/** DESCRIPTION_MAX and NOTE_MAX of the schema. */
export const TEXT_MAX = 5000;
