import type { z } from 'zod';
import type { Directive, DirectiveTarget, InboxItem, SentItem } from '../../../common/schemas/directives.js';
import type { DirectiveAttachmentRow, DirectiveWithSender, TargetWithNames } from './directives.repository.js';

type Kind = z.infer<typeof Directive>['kind'];
type Counts = z.infer<typeof Directive>['counts'];

export function presentTarget(t: TargetWithNames): z.infer<typeof DirectiveTarget> {
  return {
    unitId: t.unit_id,
    unitName: t.unit_name,
    signedAt: t.signed_at,
    signedBy: t.signed_by_name,
    signLate: t.sign_late === 1,
    markedLate: t.marked_late_at !== null,
    repliedAt: t.replied_at,
    repliedBy: t.replied_by_name,
    replyText: t.reply_text,
    replyLate: t.reply_late === 1,
    reminders: t.reminders,
    lastRemindedAt: t.last_reminded_at,
  };
}

export function countsOf(targets: TargetWithNames[]): Counts {
  return {
    targets: targets.length,
    signed: targets.filter((t) => t.signed_at).length,
    replied: targets.filter((t) => t.replied_at).length,
    signedLate: targets.filter((t) => t.sign_late === 1).length,
  };
}

/** A directive for one caller: `shown` are the targets they may see, `counts` cover all. */
export function presentDirective(
  d: DirectiveWithSender,
  shown: TargetWithNames[],
  all: TargetWithNames[],
  attachments: DirectiveAttachmentRow[],
  canRemind: boolean,
  actFor: string[],
): z.infer<typeof Directive> {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    text: d.body,
    senderUnitId: d.sender_unit_id,
    senderUnitName: d.sender_unit_name,
    senderName: d.sender_name,
    signDueAt: d.sign_due_at,
    replyDueAt: d.reply_due_at,
    createdAt: d.created_at,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
    targets: shown.map(presentTarget),
    canRemind,
    actFor,
    counts: countsOf(canRemind ? all : shown),
  };
}

export interface InboxRow {
  id: string;
  kind: Kind;
  title: string;
  sign_due_at: string;
  reply_due_at: string | null;
  created_at: string;
  sender_unit_name: string;
  unit_id: string;
  unit_name: string;
  signed_at: string | null;
  replied_at: string | null;
  marked_late_at: string | null;
}

export const presentInboxItem = (r: InboxRow): z.infer<typeof InboxItem> => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  senderUnitName: r.sender_unit_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  signDueAt: r.sign_due_at,
  replyDueAt: r.reply_due_at,
  signedAt: r.signed_at,
  repliedAt: r.replied_at,
  markedLate: r.marked_late_at !== null,
  createdAt: r.created_at,
});

export interface SentRow {
  id: string;
  kind: Kind;
  title: string;
  sender_unit_id: string;
  sender_unit_name: string;
  sign_due_at: string;
  reply_due_at: string | null;
  created_at: string;
}

export const presentSentItem = (r: SentRow, counts: Counts | undefined): z.infer<typeof SentItem> => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  senderUnitId: r.sender_unit_id,
  senderUnitName: r.sender_unit_name,
  signDueAt: r.sign_due_at,
  replyDueAt: r.reply_due_at,
  createdAt: r.created_at,
  counts: counts ?? { targets: 0, signed: 0, replied: 0, signedLate: 0 },
});
