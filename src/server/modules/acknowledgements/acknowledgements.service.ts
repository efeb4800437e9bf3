/**
 * One-tap acknowledge links and reply codes. A link is issued with each chain message to each
 * person who must act, bound to that person and that step; its token is derived from the link's id
 * with the server's key, so the database holds only its hash and the outbox can still put it in
 * the message. It works once, and not after the step is done or the incident closed. An SMS or
 * work-app reply of "1" acknowledges the person's open link (the SMS extension code says which).
 */
import type { AckView } from '../../../common/schemas/acknowledgements.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { NotificationRow } from '../notifications/notifications.table.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { sha256Hex, type SecretBox } from '../../lib/secret-box.js';
import type { AckForMessage, AckLinks, AckRequest } from '../../notify/ack-port.js';
import { peopleWithAppUser, peopleWithMobile } from '../../notify/deliveries.read-port.js';
import * as repo from './acknowledgements.repository.js';
import type { AckLinkRow } from './acknowledgements.table.js';

/**
 * A link outlives its step's deadline by this much (a late acknowledgement still counts), unless the step is done
 * first.
 */
export const LINK_GRACE_MS = 12 * 60 * 60_000;
/** What a person replies to acknowledge, by SMS or in a work app; full-width digits are accepted too. */
export const REPLY = '1';
const REPLY_PATTERN = /^\s*[1１]\s*$/;

export type AckChannel = 'link' | 'sms' | 'wecom_app';

/** The incidents module's acknowledgement path, as this module needs it. */
export interface StepAcknowledger {
  acknowledgeAs(
    tx: Executor,
    afterCommit: AfterCommit,
    personId: string,
    stepId: string,
    via: AckChannel,
  ): Promise<void>;
  stepSummary(
    db: Executor,
    stepId: string,
  ): Promise<
    | {
        state: string;
        done_at: string | null;
        due_at: string;
        status: string;
        type: string;
        severity: number;
        drill: number;
        reported_at: string;
        unit_name: string;
        locale: string;
        time_zone: string;
      }
    | undefined
  >;
}

export class AcknowledgementService implements AckLinks {
  private steps: StepAcknowledger | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  /** Wired after the incidents module exists (it is built with a notifier that uses this service). */
  useSteps(steps: StepAcknowledger): void {
    this.steps = steps;
  }

  private token(id: string): string {
    return this.box.token('ack-link', id);
  }

  async issue(tx: Executor, rows: NotificationRow[], ask: AckRequest, now: Date): Promise<void> {
    const links: AckLinkRow[] = [];
    const taken = await this.takenCodes(
      tx,
      rows.map((row) => row.person_id),
      now,
    );
    for (const row of rows) {
      const id = newId();
      const code = freeCode(taken.get(row.person_id));
      taken.set(row.person_id, new Set([...(taken.get(row.person_id) ?? []), code]));
      links.push({
        id,
        token_hash: sha256Hex(this.token(id)),
        notification_id: row.id,
        person_id: row.person_id,
        step_id: ask.stepId,
        reply_code: code,
        expires_at: new Date(ask.respondBy.getTime() + LINK_GRACE_MS).toISOString(),
        used_at: null,
        used_via: null,
        created_at: now.toISOString(),
      });
    }
    await repo.insertLinks(tx, links);
  }

  /** The reply codes each person's open links use, read at once for everyone a message goes to. */
  private async takenCodes(tx: Executor, personIds: string[], now: Date): Promise<Map<string, Set<string>>> {
    const taken = new Map<string, Set<string>>();
    for (const link of await repo.openReplyCodesOf(tx, [...new Set(personIds)], now.toISOString()))
      taken.set(link.person_id, (taken.get(link.person_id) ?? new Set()).add(link.reply_code));
    return taken;
  }

  async forNotification(db: Executor, notificationId: string): Promise<AckForMessage | null> {
    const link = await repo.byNotification(db, notificationId);
    return link ? { path: `/a/${this.token(link.id)}`, reply: REPLY, extendCode: link.reply_code } : null;
  }

  close(tx: Executor, stepId: string, now: Date): Promise<string[]> {
    return repo.closeStep(tx, stepId, now.toISOString());
  }

  /** The link's page: 404 for a token that was never issued or has expired; nothing personal either way. */
  async view(token: string): Promise<AckView> {
    const link = await repo.byTokenHash(this.db, sha256Hex(token));
    if (!link || link.expires_at <= this.clock.now().toISOString()) throw notFound();
    const step = await this.requireSteps().stepSummary(this.db, link.step_id);
    if (!step) throw notFound();
    const acknowledged = step.state === 'done';
    return {
      state: acknowledged ? 'acknowledged' : step.status === 'closed' || link.used_at ? 'closed' : 'open',
      via: acknowledged ? link.used_via : null,
      acknowledgedAt: step.done_at,
      unitName: step.unit_name,
      type: step.type,
      severity: step.severity,
      drill: step.drill === 1,
      dueAt: step.due_at,
      reportedAt: step.reported_at,
      locale: step.locale,
      timeZone: step.time_zone,
    };
  }

  /** One tap: acknowledges the step as the link's person, once; a second tap changes nothing. */
  async acknowledgeByLink(token: string): Promise<AckView> {
    const link = await repo.byTokenHash(this.db, sha256Hex(token));
    if (!link || link.expires_at <= this.clock.now().toISOString()) throw notFound();
    await this.use(link, 'link');
    return this.view(token);
  }

  /** An SMS reply: the person by their mobile, the link by the extension code (else their newest open link). */
  async replyBySms(mobile: string, text: string, extendCode: string | null): Promise<boolean> {
    if (!REPLY_PATTERN.test(text)) return false;
    return this.answer(await peopleWithMobile(this.db, mobile), extendCode, 'sms');
  }

  /** A reply in the WeCom app from the user id the message went to. */
  async replyInApp(channel: 'wecom_app', userId: string, text: string): Promise<boolean> {
    if (!REPLY_PATTERN.test(text)) return false;
    return this.answer(await peopleWithAppUser(this.db, channel, userId), null, channel);
  }

  private async answer(people: string[], extendCode: string | null, via: AckChannel): Promise<boolean> {
    const open = await repo.openLinksOf(this.db, people, this.clock.now().toISOString());
    const link = (extendCode ? open.find((l) => l.reply_code === extendCode) : undefined) ?? open[0];
    if (!link) return false;
    try {
      await this.use(link, via);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.status === 409) return false;
      throw error;
    }
  }

  private async use(link: AckLinkRow, via: AckChannel): Promise<void> {
    await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const at = this.clock.now().toISOString();
      if (!(await repo.markUsed(tx, link.id, at, via))) throw new AppError(409, 'conflict', 'ack.already');
      await this.requireSteps().acknowledgeAs(tx, afterCommit, link.person_id, link.step_id, via);
    });
  }

  private requireSteps(): StepAcknowledger {
    if (!this.steps) throw new Error('acknowledgements: the incidents module is not wired');
    return this.steps;
  }
}

/** Two digits no other open link of the person uses, so a reply through the extension names its step. */
function freeCode(taken: Set<string> | undefined): string {
  for (let n = 1; n < 100; n += 1) {
    const code = String(n).padStart(2, '0');
    if (!taken?.has(code)) return code;
  }
  return '00';
}
