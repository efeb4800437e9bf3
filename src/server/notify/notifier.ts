import { LOCALES, type Locale } from '../../common/locale.js';
import type { AfterCommit, Executor } from '../db/database.js';
import * as inbox from '../modules/notifications/notifications.repository.js';
import type { NotificationRow } from '../modules/notifications/notifications.table.js';
import { newId } from '../lib/ids.js';
import { render, renderAll, type Wording } from '../lib/wording.js';
import type { AckLinks, AckRequest } from './ack-port.js';
import type { DeliveryWorker } from './delivery-worker.js';
import type { LiveBus } from './live-bus.js';

/**
 * urgent: an alert, an acknowledgement request or an escalation, never held behind routine messages;
 * critical: urgent, and a call follows an SMS not acknowledged in time (severity I–II incidents);
 * routine: reminders and notices, limited per person and merged into a digest within a minute.
 */
export type Priority = 'critical' | 'urgent' | 'routine';

export interface Message {
  kind: string;
  /** Said in each reader's language: see lib/wording.ts. */
  title: Wording;
  body: Wording;
  /** Path inside Steady, e.g. /incidents/<id>. */
  link: string | null;
  incidentId?: string | null;
  drill?: boolean;
  /** The unit's language: a person who has not chosen their own is written to in it. */
  locale: string;
  /** routine when not given. */
  priority?: Priority;
  /** Short template parameters for SMS and voice (unit, event, due); see notify/templates.ts. */
  params?: Record<string, Wording>;
  /** Each person told gets a one-tap acknowledge link for this step, and the SMS reply code. */
  ask?: AckRequest;
}

/**
 * Tells people something: an in-app notification each (the notifications module's inbox), a delivery
 * through their contact methods, and a live nudge to their open screens once the transaction has committed.
 */
export class Notifier {
  constructor(
    private readonly bus: LiveBus,
    private readonly outbox: DeliveryWorker,
    private readonly acks?: AckLinks,
  ) {}

  async tell(tx: Executor, afterCommit: AfterCommit, people: string[], message: Message, now: Date): Promise<void> {
    const unique = [...new Set(people)];
    if (unique.length === 0) return;
    const languages = await this.languagesOf(tx, unique, message.locale);
    const wording = JSON.stringify({ title: message.title, body: message.body });
    const rows: NotificationRow[] = unique.map((person_id) => {
      const locale = languages.get(person_id)!;
      return {
        id: newId(),
        person_id,
        incident_id: message.incidentId ?? null,
        kind: message.kind,
        title: render(locale, message.title),
        body: render(locale, message.body),
        wording_json: wording,
        link: message.link,
        drill: message.drill ? 1 : 0,
        created_at: now.toISOString(),
        read_at: null,
        priority: message.priority ?? 'routine',
        respond_by: message.ask?.respondBy.toISOString() ?? null,
        params_json: message.params ? JSON.stringify(renderAll(locale, message.params)) : null,
        answered_at: null,
      };
    });
    await inbox.insertAll(tx, rows);
    if (message.ask && this.acks) await this.acks.issue(tx, rows, message.ask, now);
    await this.outbox.enqueueAll(tx, rows, (personId) => languages.get(personId)!);
    afterCommit(() => unique.forEach((personId) => this.bus.publish({ kind: 'notification', personId })));
  }

  /**
   * Tells mobiles of people who are not Steady users (a pupil's guardians) by SMS. The message is kept
   * once, in the sender's inbox, already read (what was sent, in the unit's language); each mobile gets
   * an urgent delivery of it whose `person_id` is `to:<E.164>`, so it has no contact methods to fail
   * over to and is limited by no one's per-person cap.
   */
  async tellMobiles(tx: Executor, sender: string, mobiles: string[], message: Message, now: Date): Promise<number> {
    const unique = [...new Set(mobiles)];
    if (unique.length === 0) return 0;
    const locale: Locale = message.locale === 'en' ? 'en' : 'zh-CN';
    const row: NotificationRow = {
      id: newId(),
      person_id: sender,
      incident_id: message.incidentId ?? null,
      kind: message.kind,
      title: render(locale, message.title),
      body: render(locale, message.body),
      wording_json: JSON.stringify({ title: message.title, body: message.body }),
      link: message.link,
      drill: message.drill ? 1 : 0,
      created_at: now.toISOString(),
      read_at: now.toISOString(),
      priority: 'urgent',
      respond_by: null,
      params_json: message.params ? JSON.stringify(renderAll(locale, message.params)) : null,
      answered_at: null,
    };
    await inbox.insertAll(tx, [row]);
    await this.outbox.enqueueTo(tx, row, unique, locale);
    return unique.length;
  }

  /** Each person's own language, else the unit's. */
  private async languagesOf(tx: Executor, people: string[], unitLocale: string): Promise<Map<string, Locale>> {
    const fallback: Locale = unitLocale === 'en' ? 'en' : 'zh-CN';
    const chosen = new Map<string, Locale>();
    for (let i = 0; i < people.length; i += 500) {
      const rows = await tx
        .selectFrom('people')
        .select(['id', 'language'])
        .where('id', 'in', people.slice(i, i + 500))
        .where('language', 'is not', null)
        .execute();
      for (const row of rows)
        if ((LOCALES as readonly string[]).includes(row.language!)) chosen.set(row.id, row.language as Locale);
    }
    return new Map(people.map((id) => [id, chosen.get(id) ?? fallback]));
  }

  /** What a step asked is done: its links close and its messages start no further method. */
  async answered(tx: Executor, stepId: string, now: Date): Promise<void> {
    const asked = (await this.acks?.close(tx, stepId, now)) ?? [];
    await inbox.markAnswered(tx, asked, now.toISOString());
  }
}
