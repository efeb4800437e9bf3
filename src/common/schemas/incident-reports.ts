import { z } from 'zod';
import { INCIDENT_CLASS_CODES } from '../incident-classes.js';
import { INCIDENT_TYPES } from '../org.js';
import { ReportStageRules } from './report-stage-rules.js';
import { DocumentQuery, Id, PageQuery, Severity, Timestamp, pageOf } from './shared.js';

/*
 * Staged incident reports (信息报送): the verbal report, then written stages — the first report
 * (首报), numbered follow-ups (续报), the final report (终报) and re-reports of changed casualty
 * figures (补报). Each written report is drafted, signed off by the head, sent to the unit above,
 * and there received, returned for more information or accepted; every sent version is kept.
 */

/** The written stages, in the order an incident normally goes through them. */
export const REPORT_STAGES = ['first', 'follow_up', 'final', 'supplement'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];
/** What a deadline of the reporting chases: a stage, forwarding a report upward, or a returned report's correction. */
export const DUTY_KINDS = ['verbal', 'first', 'follow_up', 'final', 'supplement', 'forward', 'correction'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_STATES = ['open', 'met', 'cancelled'] as const;
export type DutyState = (typeof DUTY_STATES)[number];
/** The unit's side: drafting, waiting for the head's sign-off, signed off, sent. */
export const REPORT_STATES = ['draft', 'submitted', 'signed_off', 'sent'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** The receiving unit's side of the latest version sent. */
export const RECEPTIONS = ['received', 'returned', 'accepted'] as const;
export type Reception = (typeof RECEPTIONS)[number];
export const EXCHANGE_KINDS = ['submitted', 'signed_off', 'sent', 'returned', 'accepted', 'forwarded'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];
/** 快报事实、慎报原因: a cause may be reported as still under investigation. */
export const CAUSE_STATUSES = ['under_investigation', 'preliminary', 'determined'] as const;
export const CASUALTY_KINDS = ['pupils', 'staff', 'others'] as const;
export const CASUALTY_COUNTS = ['dead', 'injured', 'missing'] as const;
export const VERBAL_CHANNELS = ['phone', 'in_person', 'other'] as const;
export type VerbalChannel = (typeof VERBAL_CHANNELS)[number];
export const SIGNED_AS = ['head', 'acting_head'] as const;
export type SignedAs = (typeof SIGNED_AS)[number];
export const REPORT_TEXT_MAX = 5000;
export const REPORT_SHORT_MAX = 200;

const Count = z.number().int().min(0).max(100_000);
const Long = z.string().trim().max(REPORT_TEXT_MAX);
const Short = z.string().trim().max(REPORT_SHORT_MAX);

export const CasualtyCounts = z.strictObject({
  dead: Count.default(0),
  injured: Count.default(0),
  missing: Count.default(0),
});
const NONE = { dead: 0, injured: 0, missing: 0 };
/** Dead, injured and missing, by kind of person. */
export const Casualties = z.strictObject({
  pupils: CasualtyCounts.default(NONE),
  staff: CasualtyCounts.default(NONE),
  others: CasualtyCounts.default(NONE),
});
export type Casualties = z.infer<typeof Casualties>;
export const NO_CASUALTIES: Casualties = { pupils: { ...NONE }, staff: { ...NONE }, others: { ...NONE } };

/** A report's fields. A draft may leave any blank; what a stage must hold is checked before sign-off. */
export const ReportContent = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true }).nullable().default(null),
  place: Short.default(''),
  /** The coded class (GB/T 35561-style list in src/common/incident-classes.ts). */
  classCode: z.enum(INCIDENT_CLASS_CODES).nullable().default(null),
  severity: Severity.nullable().default(null),
  /** 信息来源: how the unit learned of it. */
  source: Short.default(''),
  casualties: Casualties.default(NO_CASUALTIES),
  /** 发病（涉及）人数: for food safety and infectious disease. */
  affected: Count.nullable().default(null),
  whatHappened: Long.default(''),
  causes: z
    .strictObject({ status: z.enum(CAUSE_STATUSES).default('under_investigation'), text: Long.default('') })
    .default({ status: 'under_investigation', text: '' }),
  measures: Long.default(''),
  /** Which authorities were told or called (110, 119, 120, the disease-control centre…). */
  authoritiesInformed: Short.default(''),
  leaderOnSite: Short.default(''),
  trend: Long.default(''),
  nextSteps: Long.default(''),
  reporterName: Short.default(''),
  reporterPhone: Short.default(''),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const NewReportBody = z.strictObject({
  stage: z.enum(REPORT_STAGES),
  /** Without it the draft starts from the last report sent, or from the incident itself. */
  content: ReportContent.optional(),
});
export const EditReportBody = z.strictObject({ content: ReportContent });
export const ReturnBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  /** By when the corrected version must be in. */
  dueAt: z.iso.datetime({ offset: true }),
});
export const VerbalReportBody = z.strictObject({
  /** To whom, as the caller names them (name and post at the unit above). */
  toWhom: Short.min(1),
  channel: z.enum(VERBAL_CHANNELS).default('phone'),
  /** When the call was made. */
  at: z.iso.datetime({ offset: true }),
  summary: z.string().trim().min(1).max(2000),
});
export const CasualtyChangeBody = z.strictObject({ casualties: Casualties, note: z.string().trim().min(1).max(2000) });
export const ReportParams = z.object({ reportId: Id });
export const IncidentReportParams = z.object({ id: Id });
export const DocxQuery = DocumentQuery.extend({ version: z.coerce.number().int().min(1).optional() });

/** One field that changed between two versions, with its values as text. */
export const FieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const ReportVersion = z.object({
  version: z.number().int(),
  content: ReportContent,
  editedBy: z.string().nullable(),
  updatedAt: Timestamp,
  signedOffBy: z.string().nullable(),
  signedOffAs: z.enum(SIGNED_AS).nullable(),
  signedOffAt: Timestamp.nullable(),
  sentBy: z.string().nullable(),
  sentAt: Timestamp.nullable(),
  /** What changed from the version before; empty for the first. */
  changes: z.array(FieldChange),
});

export const ReportExchange = z.object({
  id: Id,
  kind: z.enum(EXCHANGE_KINDS),
  version: z.number().int(),
  at: Timestamp,
  unitName: z.string(),
  personName: z.string().nullable(),
  reason: z.string().nullable(),
  dueAt: Timestamp.nullable(),
});

export const ReportDuty = z.object({
  id: Id,
  kind: z.enum(DUTY_KINDS),
  seq: z.number().int(),
  unitName: z.string(),
  dueAt: Timestamp,
  state: z.enum(DUTY_STATES),
  late: z.boolean(),
  metAt: Timestamp.nullable(),
  reportId: Id.nullable(),
});

export const ReportSummary = z.object({
  id: Id,
  incidentId: Id,
  unitId: Id,
  unitName: z.string(),
  toUnitId: Id,
  toUnitName: z.string(),
  stage: z.enum(REPORT_STAGES),
  /** 续报一, 续报二…: the number within its stage (1 for the others). */
  seq: z.number().int(),
  state: z.enum(REPORT_STATES),
  reception: z.enum(RECEPTIONS).nullable(),
  version: z.number().int(),
  sentAt: Timestamp.nullable(),
  /** The earliest open deadline this report answers (its stage, forwarding or a correction). */
  dueAt: Timestamp.nullable(),
  late: z.boolean(),
});

const Link = z.object({ id: Id, unitName: z.string() }).nullable();
export const ReportView = ReportSummary.extend({
  incident: z.object({
    type: z.enum(INCIDENT_TYPES),
    severity: Severity,
    place: z.string(),
    status: z.string(),
    occurredAt: Timestamp,
    unitName: z.string(),
  }),
  versions: z.array(ReportVersion),
  exchanges: z.array(ReportExchange),
  duties: z.array(ReportDuty),
  /** The report this one forwards, and the report that forwarded this one upward. */
  forwardedFrom: Link,
  forwardedAs: Link,
  /** Fields the stage still needs before sign-off (paths such as `content.measures`). */
  missing: z.array(z.string()),
  returnReason: z.string().nullable(),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    signOff: z.boolean(),
    send: z.boolean(),
    receive: z.boolean(),
    forward: z.boolean(),
  }),
});
export type ReportView = z.infer<typeof ReportView>;

export const VerbalReport = z.object({
  id: Id,
  toUnitName: z.string(),
  toWhom: z.string(),
  channel: z.enum(VERBAL_CHANNELS),
  at: Timestamp,
  summary: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: Timestamp,
  late: z.boolean(),
  chainStepId: Id.nullable(),
});

export const IncidentReporting = z.object({
  incidentId: Id,
  /** Why the incident has no staged reports: a drill, or a unit with nobody above it. */
  notApplicable: z.enum(['drill', 'no_parent']).nullable(),
  rules: ReportStageRules,
  verbal: VerbalReport.nullable(),
  duties: z.array(ReportDuty),
  reports: z.array(ReportSummary),
  casualties: z.object({
    current: Casualties,
    changes: z.array(
      z.object({
        at: Timestamp,
        by: z.string().nullable(),
        note: z.string(),
        casualties: Casualties,
        supplementId: Id.nullable(),
      }),
    ),
  }),
  /** The written stages the signed-in person may start now. */
  mayStart: z.array(z.enum(REPORT_STAGES)),
  mayRecord: z.boolean(),
});
export type IncidentReporting = z.infer<typeof IncidentReporting>;

export const InboxQuery = PageQuery.extend({
  unitId: Id.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only reports not yet accepted'),
});
export const InboxItem = ReportSummary.extend({
  incidentType: z.enum(INCIDENT_TYPES),
  severity: Severity,
  place: z.string(),
  /** The signed-in person may return or accept it (they hold a role in the receiving unit). */
  mine: z.boolean(),
});
export const InboxPage = pageOf(InboxItem);

/** What the incident board shows of an incident's staged reports. */
export const ReportingAtAGlance = z.object({
  /** The latest report sent, e.g. the second follow-up, and what the unit above made of it. */
  latest: z
    .object({
      stage: z.enum(REPORT_STAGES),
      seq: z.number().int(),
      reception: z.enum(RECEPTIONS).nullable(),
      /** The class the latest version sent names (the CAP export's event code). */
      classCode: z.string().nullable(),
    })
    .nullable(),
  /** The next open deadline of the reporting. */
  next: z.object({ kind: z.enum(DUTY_KINDS), seq: z.number().int(), dueAt: Timestamp, late: z.boolean() }).nullable(),
  late: z.number().int(),
});
export type ReportingAtAGlance = z.infer<typeof ReportingAtAGlance>;
