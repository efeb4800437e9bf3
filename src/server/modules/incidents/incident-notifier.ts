import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { IncidentStepRow } from '../../db/schema.js';
import { translate, type MessageKey } from '../../lib/messages.js';
import type { Message, Notifier } from '../../notify/notifier.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { ChainContext, TellReason } from './incident-chain.js';

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const TYPE_KEYS = {
  'zh-CN': { fire: '火灾', food_safety: '食品安全', infectious_disease: '传染病', traffic: '交通事故', injury: '意外伤害', campus_violence: '校园侵害', natural_disaster: '自然灾害', facility_hazard: '设施隐患', missing_child: '儿童走失', other: '其他' },
  en: { fire: 'fire', food_safety: 'food safety', infectious_disease: 'infectious disease', traffic: 'traffic', injury: 'injury', campus_violence: 'intrusion or violence', natural_disaster: 'natural disaster', facility_hazard: 'facility hazard', missing_child: 'missing child', other: 'other' },
} as const;

/**
 * Tells people about an incident: an in-app notification for each, and a live event once the
 * transaction has committed. Every message repeats the place and what happened, so it stands alone.
 */
export class IncidentNotifier {
  constructor(
    private readonly bus: LiveBus,
    private readonly notifier: Notifier,
  ) {}

  private title(ctx: ChainContext): { locale: Locale; title: string } {
    const locale = (ctx.incident.unit_locale === 'en' ? 'en' : 'zh-CN') as Locale;
    const type = TYPE_KEYS[locale][ctx.incident.type as keyof (typeof TYPE_KEYS)['en']] ?? ctx.incident.type;
    const drill = ctx.incident.drill ? translate(locale, 'incident.drillMark') : '';
    return { locale, title: translate(locale, 'incident.title', { drill, unit: ctx.incident.unit_name, type, severity: ROMAN[ctx.incident.severity] ?? '' }) };
  }

  /**
   * A step's message: to its holders (acknowledge / file by the deadline), to the plan's deputies told
   * with them (`copy`), to the deputies it escalated to, or to the parent unit told of a missed report.
   */
  async chainStep(ctx: ChainContext, step: IncidentStepRow, people: string[], reason: TellReason): Promise<void> {
    const { locale, title } = this.title(ctx);
    const due = DateTime.fromISO(step.due_at).setZone(ctx.incident.unit_time_zone).toFormat('HH:mm');
    const ask: MessageKey =
      reason === 'deputy' ? 'incident.ask.deputy'
        : reason === 'parent' ? 'incident.ask.parent'
          : reason === 'copy' ? 'incident.ask.copy'
            : step.kind === 'notify' ? 'incident.ask.notify' : 'incident.ask.report';
    const body = `${ctx.incident.place}：${ctx.incident.description}\n${translate(locale, ask, { due, minutes: step.deadline_minutes })}`;
    // Those who must act get an acknowledge link for the step; the parent unit, told only, does not.
    const asks = step.kind === 'notify' && reason !== 'parent';
    // The acting head is asked exactly as the head would be (the same kind of message).
    const kind = reason === 'copy' ? 'incident.deputy_copy' : reason === 'acting' ? 'incident.holder' : `incident.${reason}`;
    await this.send(ctx, people, kind, title, body, {
      priority: ctx.incident.severity <= 2 ? 'critical' : 'urgent',
      params: { unit: ctx.incident.unit_name, event: this.event(ctx, locale), due },
      ...(asks ? { ask: { stepId: step.id, respondBy: this.respondBy(ctx, step) } } : {}),
    });
  }

  /** The step's deadline; once it has passed (an escalation), five minutes from now. */
  private respondBy(ctx: ChainContext, step: IncidentStepRow): Date {
    const due = Date.parse(step.due_at);
    return new Date(due > ctx.now.getTime() ? due : ctx.now.getTime() + 5 * 60_000);
  }

  /** "火灾（Ⅲ级）" / "fire (level III)": what an SMS or a call says happened. */
  private event(ctx: ChainContext, locale: Locale): string {
    const type = TYPE_KEYS[locale][ctx.incident.type as keyof (typeof TYPE_KEYS)['en']] ?? ctx.incident.type;
    return locale === 'en' ? `${type} (level ${ROMAN[ctx.incident.severity] ?? ''})` : `${type}（${ROMAN[ctx.incident.severity] ?? ''}级）`;
  }

  /** The step is done: its acknowledge links close, and no further contact method is started for it. */
  async stepDone(ctx: ChainContext, step: IncidentStepRow): Promise<void> {
    await this.notifier.answered(ctx.tx, step.id, ctx.now);
  }

  async reportFiled(ctx: ChainContext, step: IncidentStepRow, people: string[]): Promise<void> {
    const { locale, title } = this.title(ctx);
    await this.send(ctx, people, 'incident.report', title, `${translate(locale, 'incident.reportFiled')}\n${step.report_text ?? ''}`, { priority: 'urgent' });
  }

  async closed(ctx: ChainContext, people: string[]): Promise<void> {
    const { locale, title } = this.title(ctx);
    await this.send(ctx, people, 'incident.closed', title, translate(locale, 'incident.closed'));
  }

  private async send(ctx: ChainContext, people: string[], kind: string, title: string, body: string, extra: Pick<Message, 'priority' | 'params' | 'ask'> = {}): Promise<void> {
    await this.notifier.tell(ctx.tx, ctx.afterCommit, people, {
      kind, title, body, link: `/incidents/${ctx.incident.id}`, incidentId: ctx.incident.id, drill: ctx.incident.drill === 1, locale: ctx.incident.unit_locale, ...extra,
    }, ctx.now);
  }

  /** Live screens showing this incident (the board, its page) re-read it. */
  changed(ctx: ChainContext): void {
    ctx.afterCommit(() => this.bus.publish({ kind: 'incident', incidentId: ctx.incident.id, unitPath: ctx.incident.unit_path }));
  }
}
