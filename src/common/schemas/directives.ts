import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

/*
 * Directives (上情下达): a supervising unit sends a notice or directive down the tree; each target
 * unit signs for it (签收) by a deadline and, when asked, replies by another.
 */

export const DIRECTIVE_KINDS = ['notice', 'directive'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const DIRECTIVE_TITLE_MAX = 200;
export const DIRECTIVE_TEXT_MAX = 20_000;
export const DIRECTIVE_TARGETS_MAX = 500;
export const DIRECTIVE_REPLY_MAX = 5000;
export const ATTACHMENTS_MAX = 5;
/** Largest attachment accepted, in bytes. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const DateTime = z.iso.datetime({ offset: true });

export const SendDirectiveBody = z.strictObject({
  /** The supervising unit it is sent from; the sender must manage it. */
  senderUnitId: Id,
  kind: z.enum(DIRECTIVE_KINDS).default('directive'),
  title: z.string().trim().min(1).max(DIRECTIVE_TITLE_MAX),
  text: z.string().trim().min(1).max(DIRECTIVE_TEXT_MAX),
  /** Units below the sender; each must sign for it. */
  targetUnitIds: z.array(Id).min(1).max(DIRECTIVE_TARGETS_MAX),
  signDueAt: DateTime,
  /** When set, each unit must also reply by then. */
  replyDueAt: DateTime.nullable().optional(),
});
export type SendDirectiveBody = z.infer<typeof SendDirectiveBody>;

export const SignBody = z.strictObject({ unitId: Id });
export const ReplyBody = z.strictObject({ unitId: Id, text: z.string().trim().min(1).max(DIRECTIVE_REPLY_MAX) });
export const RemindBody = z.strictObject({
  /** Only these units (of those still owing something); all of them when left out. */
  unitIds: z.array(Id).max(DIRECTIVE_TARGETS_MAX).optional(),
});

export const Attachment = z.object({ id: Id, name: z.string(), mime: z.string(), size: z.number().int() });

export const DirectiveTarget = z.object({
  unitId: Id,
  unitName: z.string(),
  signedAt: Timestamp.nullable(),
  signedBy: z.string().nullable(),
  /** Signed after the deadline. */
  signLate: z.boolean(),
  /** The sign-for deadline passed while it was unsigned (stays true once signed late). */
  markedLate: z.boolean(),
  repliedAt: Timestamp.nullable(),
  repliedBy: z.string().nullable(),
  replyText: z.string().nullable(),
  replyLate: z.boolean(),
  reminders: z.number().int(),
  lastRemindedAt: Timestamp.nullable(),
});

export const Directive = z.object({
  id: Id,
  kind: z.enum(DIRECTIVE_KINDS),
  title: z.string(),
  text: z.string(),
  senderUnitId: Id,
  senderUnitName: z.string(),
  senderName: z.string().nullable(),
  signDueAt: Timestamp,
  replyDueAt: Timestamp.nullable(),
  createdAt: Timestamp,
  attachments: z.array(Attachment),
  /** Every target for the sender's side; only the caller's own units for a recipient. */
  targets: z.array(DirectiveTarget),
  /** The caller may remind (they manage the sending unit). */
  canRemind: z.boolean(),
  /** Target units the caller may sign and reply for. */
  actFor: z.array(Id),
  counts: z.object({
    targets: z.number().int(),
    signed: z.number().int(),
    replied: z.number().int(),
    signedLate: z.number().int(),
  }),
});

export const InboxQuery = PageQuery.extend({ unitId: Id.optional() });
export const InboxItem = z.object({
  id: Id,
  kind: z.enum(DIRECTIVE_KINDS),
  title: z.string(),
  senderUnitName: z.string(),
  unitId: Id,
  unitName: z.string(),
  signDueAt: Timestamp,
  replyDueAt: Timestamp.nullable(),
  signedAt: Timestamp.nullable(),
  repliedAt: Timestamp.nullable(),
  markedLate: z.boolean(),
  createdAt: Timestamp,
});
export const InboxPage = pageOf(InboxItem);

export const SentQuery = PageQuery.extend({ unitId: Id.optional() });
export const SentItem = z.object({
  id: Id,
  kind: z.enum(DIRECTIVE_KINDS),
  title: z.string(),
  senderUnitId: Id,
  senderUnitName: z.string(),
  signDueAt: Timestamp,
  replyDueAt: Timestamp.nullable(),
  createdAt: Timestamp,
  counts: Directive.shape.counts,
});
export const SentPage = pageOf(SentItem);

export const RemindResult = z.object({ reminded: z.number().int() });
