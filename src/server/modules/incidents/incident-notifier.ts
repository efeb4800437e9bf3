import { localTime } from '../../../common/time.js';
import { INCIDENT_TYPES } from '../../../common/org.js';
import type { IncidentStepRow } from './incidents.table.js';
import type { MessageKey } from '../../lib/messages.js';
import { say, type Wording } from '../../lib/wording.js';
import type { Message, Notifier } from '../../notify/notifier.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { IncidentWithUnit } from './incidents.repository.js';

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

/** The incident type in words, in the reader's language (an unknown type as it is stored). */
const typeOf = (type: string): Wording =>
  (INCIDENT_TYPES as readonly string[]).includes(type) ? say(`incident.type.${type}` as MessageKey) : type;

/**
 * Who is told of a step, and why: `holder` holds the role (or files the report), `acting` acts for
 * a head away on leave (the leave names them; they act as the holder would), `deputy` stands in
 * for the head (named by the plan up front, or escalated to), `parent` is the unit above, told of a
 * missed report. Only holders and deputies act on a step; the parent is told, never asked to file.
 */
export type RecipientReason = 'holder' | 'acting' | 'deputy' | 'parent';
/** Why a message is sent: `copy` is the plan's deputy told with the holders, `deputy` an escalation. */
export type TellReason = RecipientReason | 'copy';

/** What a message about an incident needs of the chain's moment (the chain's context carries it all). */
export interface NoticeContext {
  tx: Executor;
  now: Date;
  incident: IncidentWithUnit;
  afterCommit: AfterCommit;
}

/**
 * Tells people about an incident: an in-app notification for each, and a live event once the
 * transaction has committed. Every message repeats the place and what happened, so it stands alone.
 */
export class IncidentNotifier {
  constructor(
    private readonly bus: LiveBus,
    private readonly notifier: Notifier,
  ) {}

  private title(ctx: NoticeContext): Wording {
    const drill = ctx.incident.drill ? say('incident.drillMark') : '';
    return say('incident.title', {
      drill,
      unit: ctx.incident.unit_name,
      type: typeOf(ctx.incident.type),
      severity: ROMAN[ctx.incident.severity] ?? '',
    });
  }

  /**
   * A step's message: to its holders (acknowledge / file by the deadline), to the plan's deputies told
   * with them (`copy`), to the deputies it escalated to, or to the parent unit told of a missed report.
   */
  async chainStep(ctx: NoticeContext, step: IncidentStepRow, people: string[], reason: TellReason): Promise<void> {
    const due = localTime(new Date(step.due_at), ctx.incident.unit_time_zone);
    const ask: MessageKey =
      reason === 'deputy'
        ? 'incident.ask.deputy'
        : reason === 'parent'
          ? 'incident.ask.parent'
          : reason === 'copy'
            ? 'incident.ask.copy'
            : step.kind === 'notify'
              ? 'incident.ask.notify'
              : 'incident.ask.report';
    const body = [this.what(ctx), '\n', say(ask, { due, minutes: step.deadline_minutes })];
    // Those who must act get an acknowledge link for the step; the parent unit, told only, does not.
    const asks = step.kind === 'notify' && reason !== 'parent';
    // The acting head is asked exactly as the head would be (the same kind of message).
    const kind =
      reason === 'copy' ? 'incident.deputy_copy' : reason === 'acting' ? 'incident.holder' : `incident.${reason}`;
    await this.send(ctx, people, kind, body, {
      priority: ctx.incident.severity <= 2 ? 'critical' : 'urgent',
      params: {
        unit: ctx.incident.unit_name,
        event: say('incident.event', { type: typeOf(ctx.incident.type), severity: ROMAN[ctx.incident.severity] ?? '' }),
        due,
      },
      ...(asks ? { ask: { stepId: step.id, respondBy: this.respondBy(ctx, step) } } : {}),
    });
  }

  /** The step's deadline; once it has passed (an escalation), five minutes from now. */
  private respondBy(ctx: NoticeContext, step: IncidentStepRow): Date {
    const due = Date.parse(step.due_at);
    return new Date(due > ctx.now.getTime() ? due : ctx.now.getTime() + 5 * 60_000);
  }

  /** Where and what happened, as the reporter wrote it. */
  private what(ctx: NoticeContext): Wording {
    return say('incident.what', { place: ctx.incident.place, description: ctx.incident.description });
  }

  /** The step is done: its acknowledge links close, and no further contact method is started for it. */
  async stepDone(ctx: NoticeContext, step: IncidentStepRow): Promise<void> {
    await this.notifier.answered(ctx.tx, step.id, ctx.now);
  }

  async reportFiled(ctx: NoticeContext, step: IncidentStepRow, people: string[]): Promise<void> {
    await this.send(ctx, people, 'incident.report', [say('incident.reportFiled'), '\n', step.report_text ?? ''], {
      priority: 'urgent',
    });
  }

  async closed(ctx: NoticeContext, people: string[]): Promise<void> {
    await this.send(ctx, people, 'incident.closed', say('incident.closed'));
  }

  private async send(
    ctx: NoticeContext,
    people: string[],
    kind: string,
    body: Wording,
    extra: Pick<Message, 'priority' | 'params' | 'ask'> = {},
  ): Promise<void> {
    await this.notifier.tell(
      ctx.tx,
      ctx.afterCommit,
      people,
      {
        kind,
        title: this.title(ctx),
        body,
        link: `/incidents/${ctx.incident.id}`,
        incidentId: ctx.incident.id,
        drill: ctx.incident.drill === 1,
        locale: ctx.incident.unit_locale,
        ...extra,
      },
      ctx.now,
    );
  }

  /** Live screens showing this incident (the board, its page) re-read it. */
  changed(ctx: NoticeContext): void {
    ctx.afterCommit(() =>
      this.bus.publish({ kind: 'incident', incidentId: ctx.incident.id, unitPath: ctx.incident.unit_path }),
    );
  }
}
