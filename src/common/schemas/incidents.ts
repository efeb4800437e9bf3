import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { INCIDENT_TYPES, ROLES } from '../org.js';
import { Id, PageQuery, Severity, Timestamp, pageOf } from './shared.js';
import { ReportingAtAGlance } from './incident-reports.js';

export const INCIDENT_STATUSES = ['reported', 'acknowledged', 'responding', 'under_control', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const FLAG_KINDS = ['late', 'missing', 'concealed'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
/** A chain step tells (notify: acknowledge it) or asks for a report (report: file it). */
export const STEP_KINDS = ['notify', 'report'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_STATES = ['waiting', 'active', 'done'] as const;
export type StepState = (typeof STEP_STATES)[number];
/** Why a person was told: holds the role, acts for the head, deputy (escalation), parent (a late report). */
export const RECIPIENT_REASONS = ['holder', 'acting', 'deputy', 'parent'] as const;
export type RecipientReason = (typeof RECIPIENT_REASONS)[number];
export const DESCRIPTION_MAX = 5000;
export const NOTE_MAX = 5000;

export { Severity };

export const ReportIncidentBody = z.strictObject({
  unitId: Id,
  type: z.enum(INCIDENT_TYPES),
  severity: Severity,
  place: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(DESCRIPTION_MAX),
  /** When it happened; defaults to now. A time long before the report raises a concealed-report flag. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  drill: z.boolean().default(false),
});
export type ReportIncidentBody = z.infer<typeof ReportIncidentBody>;

/** sending (queued or on its way), sent, failed (handed to the next method), dead (no method left). */
export const REACH_STATES = ['sending', 'sent', 'failed', 'dead'] as const;

export const IncidentStep = z.object({
  id: Id,
  position: z.number().int(),
  kind: z.enum(STEP_KINDS),
  targetUnitId: Id,
  targetUnitName: z.string(),
  role: z.enum(ROLES),
  deadlineMinutes: z.number().int(),
  dueAt: Timestamp,
  state: z.enum(STEP_STATES),
  late: z.boolean(),
  simulated: z.boolean(),
  doneAt: Timestamp.nullable(),
  doneBy: z.string().nullable(),
  recipients: z.array(
    z.object({
      personId: Id,
      name: z.string(),
      reason: z.enum(RECIPIENT_REASONS),
      /** The newest message about this incident to them: by which channel, and whether it went out. */
      reached: z.object({ channel: z.string(), state: z.enum(REACH_STATES), at: Timestamp }).nullable(),
    }),
  ),
  /** The signed-in person may acknowledge (notify) or file (report) this step now. */
  mine: z.boolean(),
});

export const IncidentEvent = z.object({
  id: Id,
  at: Timestamp,
  /** Who acted: the username, or `system:…` for the engine. */
  actor: z.string(),
  /** The person who acted and their name; null for the system. */
  personId: Id.nullable(),
  actorName: z.string().nullable(),
  kind: z.string(),
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const IncidentFlag = z.object({
  id: Id,
  kind: z.enum(FLAG_KINDS),
  stepId: Id.nullable(),
  setAt: Timestamp,
  people: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()).nullable(),
  notes: z.array(z.object({ at: Timestamp, actor: z.string(), text: z.string() })),
});

export const AfterActionReport = z.strictObject({
  whatHappened: z.string().trim().min(1).max(NOTE_MAX),
  causes: z.string().trim().min(1).max(NOTE_MAX),
  actionsTaken: z.string().trim().min(1).max(NOTE_MAX),
  losses: z.string().trim().max(NOTE_MAX).default(''),
  lessons: z.string().trim().min(1).max(NOTE_MAX),
  followUps: z
    .array(z.strictObject({ task: z.string().trim().min(1).max(500), ownerId: Id, dueDate: z.iso.date() }))
    .max(50)
    .default([]),
});
export type AfterActionReport = z.infer<typeof AfterActionReport>;

/** The filed report as read back: each follow-up with its owner's name and the task that tracks it. */
export const AfterActionView = AfterActionReport.extend({
  followUps: z.array(
    z.object({
      task: z.string(),
      ownerId: Id,
      ownerName: z.string().nullable(),
      dueDate: z.string(),
      taskId: Id.nullable(),
    }),
  ),
});
export type AfterActionView = z.infer<typeof AfterActionView>;

export const Incident = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  /** The unit's language: its official documents (CAP, the after-action report) are written in it. */
  unitLanguage: z.enum(LOCALES),
  type: z.enum(INCIDENT_TYPES),
  severity: Severity,
  place: z.string(),
  description: z.string(),
  occurredAt: Timestamp,
  reportedAt: Timestamp,
  reporter: z.string().nullable(),
  status: z.enum(INCIDENT_STATUSES),
  drill: z.boolean(),
  closedAt: Timestamp.nullable(),
  steps: z.array(IncidentStep),
  flags: z.array(IncidentFlag),
  events: z.array(IncidentEvent),
  afterAction: AfterActionView.nullable(),
  photos: z.array(z.object({ id: Id, mime: z.string(), size: z.number().int(), createdAt: Timestamp })),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentSummary = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  type: z.enum(INCIDENT_TYPES),
  severity: Severity,
  place: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  drill: z.boolean(),
  reportedAt: Timestamp,
  /** The next pending deadline of the chain, for the board's countdown. */
  nextDueAt: Timestamp.nullable(),
  /** Every step not yet done, each with its own deadline, in chain order; empty once closed. */
  deadlines: z.array(
    z.object({
      stepId: Id,
      position: z.number().int(),
      kind: z.enum(['notify', 'report']),
      role: z.enum(ROLES),
      targetUnitName: z.string(),
      dueAt: Timestamp,
      state: z.enum(['waiting', 'active']),
      late: z.boolean(),
      simulated: z.boolean(),
    }),
  ),
  lateSteps: z.number().int(),
  flags: z.number().int(),
  /** The staged reports (信息报送): the latest sent and the next deadline; null where there are none. */
  reporting: ReportingAtAGlance.nullable(),
});
export const IncidentPage = pageOf(IncidentSummary);
export const IncidentListQuery = PageQuery.extend({
  unitId: Id.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only incidents not yet closed'),
});

export const IncidentParams = z.object({ id: Id });
export const PrinciplesQuery = z.object({ unitId: Id });
/** The response principles of the plan in force for a unit, one per line; empty without a plan. */
export const IncidentPrinciples = z.object({
  unitId: Id,
  planTitle: z.string().nullable(),
  principles: z.array(z.string()),
});
export const StepParams = z.object({ id: Id, stepId: Id });
export const FlagParams = z.object({ id: Id, flagId: Id });
export const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(NOTE_MAX) });
export const EventBody = z.strictObject({
  kind: z.enum(['comment', 'update']),
  text: z.string().trim().min(1).max(NOTE_MAX),
});
/**
 * The statuses the incident's handler sets. 'acknowledged' (已接报 / Received) is not among them: it
 * follows from someone acknowledging receipt of a chain step, the one kind of 确认 (issue #13).
 */
export const StatusBody = z.strictObject({ status: z.enum(['responding', 'under_control']) });
export const FileReportBody = z.strictObject({ text: z.string().trim().min(1).max(NOTE_MAX) });
export const CloseBody = z.strictObject({ report: AfterActionReport });
