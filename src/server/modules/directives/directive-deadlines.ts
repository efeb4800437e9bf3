import type { AfterCommit, Executor } from '../../db/database.js';
import type { DeadlineKind } from '../../engine/engine.js';
import { translate } from '../../lib/messages.js';
import { engineActor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as unitsPort from '../units/units.read-port.js';
import type { DirectiveNotices } from './directive-notices.js';
import * as repo from './directives.repository.js';
import { REPLY_DUE_DEADLINE, SIGN_DUE_DEADLINE } from './directives.service.js';

/** The deadline kinds of directives and what fires them; the container registers them. */
export const directiveDeadlines = (handlers: DirectiveDeadlines): DeadlineKind[] => [
  {
    kind: SIGN_DUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => handlers.onSignDue(tx, deadline.ref_id, now, afterCommit),
  },
  {
    kind: REPLY_DUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => handlers.onReplyDue(tx, deadline.ref_id, now, afterCommit),
  },
];

/**
 * The engine's side of directives. At the sign-for deadline every unit still unsigned is marked
 * late (the record stays after it signs) and reminded, and the sender hears who; at the reply
 * deadline those without a reply are reminded.
 */
export class DirectiveDeadlines {
  constructor(
    private readonly audit: AuditTrail,
    private readonly notices: DirectiveNotices,
  ) {}

  async onSignDue(tx: Executor, id: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const directive = await repo.find(tx, id);
    if (!directive) return;
    const unsigned = (await repo.targets(tx, id)).filter((t) => !t.signed_at && !t.marked_late_at);
    if (unsigned.length === 0) return;
    for (const t of unsigned)
      await repo.updateTarget(tx, t.id, {
        marked_late_at: now.toISOString(),
        reminders: t.reminders + 1,
        last_reminded_at: now.toISOString(),
      });
    const units = await unitsPort.findByIds(
      tx,
      unsigned.map((t) => t.unit_id),
    );
    await this.notices.toUnits(
      tx,
      afterCommit,
      now,
      { ...directive, sender: directive.sender_unit_name },
      units,
      'directive.overdue',
      'directive.overdueSign',
      directive.sign_due_at,
    );
    await this.audit.record(tx, engineActor, {
      action: 'directive.sign-overdue',
      entity: 'directive',
      entityId: id,
      unitId: directive.sender_unit_id,
      after: { units: unsigned.map((t) => t.unit_id) },
    });
    const sender = await unitsPort.findById(tx, directive.sender_unit_id);
    if (!sender) return;
    const locale = sender.locale === 'en' ? 'en' : 'zh-CN';
    const names = unsigned.map((t) => t.unit_name).join(locale === 'en' ? ', ' : '、');
    await this.notices.toSender(
      tx,
      afterCommit,
      now,
      directive,
      sender,
      'directive.overdue',
      'directive.unsignedTitle',
      translate(locale, 'directive.unsignedBody', { count: unsigned.length, units: names }),
    );
  }

  async onReplyDue(tx: Executor, id: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const directive = await repo.find(tx, id);
    if (!directive?.reply_due_at) return;
    const waiting = (await repo.targets(tx, id)).filter((t) => !t.replied_at);
    if (waiting.length === 0) return;
    for (const t of waiting)
      await repo.updateTarget(tx, t.id, { reminders: t.reminders + 1, last_reminded_at: now.toISOString() });
    const units = await unitsPort.findByIds(
      tx,
      waiting.map((t) => t.unit_id),
    );
    await this.notices.toUnits(
      tx,
      afterCommit,
      now,
      { ...directive, sender: directive.sender_unit_name },
      units,
      'directive.overdue',
      'directive.overdueReply',
      directive.reply_due_at,
    );
    await this.audit.record(tx, engineActor, {
      action: 'directive.reply-overdue',
      entity: 'directive',
      entityId: id,
      unitId: directive.sender_unit_id,
      after: { units: waiting.map((t) => t.unit_id) },
    });
  }
}
