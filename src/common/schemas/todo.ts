import { z } from 'zod';
import { Id, Timestamp } from './shared.js';

/*
 * My to-do (待办): what waits for the signed-in person across modules, most urgent first, and for
 * supervisors what is late in the units below them. The server sends kinds and parameters; the web
 * phrases them in the reader's language.
 */

/** What one item asks of the person. */
export const TODO_KINDS = [
  'incident_acknowledge',
  'incident_report',
  'daily_report',
  'directive_sign',
  'directive_reply',
  'handover_accept',
  'task_fix',
  'task_verify',
  'swap_answer',
  'leave_approve',
  'visitors_inside',
  'drill_due',
  'reunification_release',
  'roll_call_mark',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** What is late below a supervisor. */
export const LATE_KINDS = ['incident_step', 'daily_report', 'directive_sign', 'task'] as const;
export type LateKind = (typeof LATE_KINDS)[number];

/** Late items listed by name; the total counts them all. */
export const LATE_LISTED_MAX = 50;

/** Values the web puts into the item's sentence (a title, a name, a local date or time). */
const Params = z.record(z.string(), z.string()).describe('Parameters of the sentence the web shows for this kind');

export const TodoItem = z.object({
  /** Stable while the item waits: its kind and the record it is about. */
  id: z.string(),
  kind: z.enum(TODO_KINDS),
  params: Params,
  unitId: Id,
  unitName: z.string(),
  /** When it must be done; null when nothing sets a time. */
  dueAt: Timestamp.nullable(),
  overdue: z.boolean(),
  /** The web route where it is done. */
  route: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const LateItem = z.object({
  id: z.string(),
  kind: z.enum(LATE_KINDS),
  params: Params,
  unitId: Id,
  unitName: z.string(),
  dueAt: Timestamp.nullable(),
  route: z.string(),
});
export type LateItem = z.infer<typeof LateItem>;

export const MyTodo = z.object({
  /** The server's time when this was read: countdowns start from it. */
  at: Timestamp,
  items: z.array(TodoItem),
  /** Null for someone who supervises no unit below their own. */
  lateBelow: z
    .object({
      total: z.number().int(),
      items: z.array(LateItem).describe(`At most ${LATE_LISTED_MAX}, the longest late first`),
    })
    .nullable(),
});
export type MyTodo = z.infer<typeof MyTodo>;
