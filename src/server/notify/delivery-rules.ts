/**
 * The outbox's rules about time and words that do not touch the database: when an urgent message
 * moves on to the next method, which channels are personal enough to carry an acknowledge link,
 * and how routine messages are merged into one digest.
 */
import type { NotificationRow } from '../modules/notifications/notifications.table.js';
import type { OutgoingMessage } from './channels/channel.js';

/** The longest an urgent message waits on one method for confirmed delivery. */
export const FAILOVER_MAX_MS = 30_000;
/** And never less than this, so a deadline already past does not start every method at once. */
export const FAILOVER_MIN_MS = 5_000;

/**
 * min(30 s, a quarter of the time left to the deadline), counted from when this method starts;
 * an urgent message without a deadline waits the 30 s; routine messages fail over only after their
 * retries (null).
 */
export function failoverDelay(priority: string, respondBy: string | null, at: Date): number | null {
  if (priority === 'routine') return null;
  if (!respondBy) return FAILOVER_MAX_MS;
  const quarter = (Date.parse(respondBy) - at.getTime()) / 4;
  return Math.round(Math.max(FAILOVER_MIN_MS, Math.min(FAILOVER_MAX_MS, quarter)));
}

/**
 * Channels that reach one person, not a group: only these carry an acknowledge link or reply code.
 * A group robot's post is read by everyone in the group, so a link there would let anyone
 * acknowledge for the head; it @-mentions the person instead.
 */
export const PERSONAL_ACK_CHANNELS = new Set([
  'sms',
  'voice',
  'wecom_app',
  'dingtalk_app',
  'feishu_app',
  'web_push',
  'email',
]);
export const isPersonal = (channel: string): boolean => PERSONAL_ACK_CHANNELS.has(channel);

const DIGEST_WORDS = {
  'zh-CN': { title: (n: number) => `【Steady】${n} 条提醒`, line: '·' },
  en: { title: (n: number) => `Steady: ${n} reminders`, line: '-' },
} as const;

/** One message for several routine ones: a count as the title, each title a line. */
export function digestBody(
  message: OutgoingMessage,
  first: NotificationRow,
  riders: { title: string }[],
): OutgoingMessage {
  const words = DIGEST_WORDS[message.locale];
  const titles = [first.title, ...riders.map((r) => r.title)];
  return {
    ...message,
    title: words.title(titles.length),
    body: titles.map((t) => `${words.line} ${t}`).join('\n'),
    template: 'notice',
    params: undefined,
  };
}
