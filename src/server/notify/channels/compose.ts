/**
 * The words every channel puts around a message: the drill marker, the link, the delivery
 * reference, and the one way of shortening a body to fit a provider's limit.
 */
import { PermanentDeliveryError } from './channel.js';
import type { OutgoingMessage } from './channel.js';

const WORDS = {
  'zh-CN': {
    drillTitle: '【演练】',
    drillLine: '【演练】这是一次应急演练，不是真实事件。',
    open: '查看详情',
    reference: 'Steady 消息编号：',
  },
  en: {
    drillTitle: '[DRILL] ',
    drillLine: '[DRILL] This is a drill, not a real incident.',
    open: 'Open in Steady',
    reference: 'Steady message ID: ',
  },
} as const;

export const ELLIPSIS = '…';

/** The message's own words, with the drill marker on the title and as the first body line. */
export interface Parts {
  title: string;
  /** Lines that stand before the body and are never cut (the drill notice). */
  lead: string[];
  linkLabel: string;
  /**
   * "Steady 消息编号：<id>": lets a group tell a repeat, and contains the word "Steady", which
   * robot admins can use as the keyword that DingTalk and Feishu keyword security requires.
   */
  reference: string;
}

/**
 * Whether a title already carries a drill marker: the incident's own title starts with 【演练】 /
 * [DRILL] (the in-app list shows it too), so a channel must not add a second one.
 */
export function hasDrillMark(title: string): boolean {
  const start = title.trimStart();
  return Object.values(WORDS).some((w) => start.startsWith(w.drillTitle.trim()));
}

/** The title with the drill marker once: added when the message is a drill and not marked already. */
export function drillTitle(message: OutgoingMessage): string {
  return message.drill && !hasDrillMark(message.title)
    ? `${WORDS[message.locale].drillTitle}${message.title}`
    : message.title;
}

export function partsOf(message: OutgoingMessage): Parts {
  const words = WORDS[message.locale];
  return {
    title: drillTitle(message),
    lead: message.drill ? [words.drillLine] : [],
    linkLabel: words.open,
    reference: `${words.reference}${message.deliveryId}`,
  };
}

/** Title and body with the drill marker, for channels that carry them as separate fields. */
export function markedTitleAndBody(message: OutgoingMessage): { title: string; body: string } {
  const parts = partsOf(message);
  return { title: parts.title, body: [...parts.lead, message.body].join('\n') };
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The longest start of `body` (whole code points, ending in an ellipsis) for which `fits` holds;
 * `body` itself when it fits. `fits` measures what is really sent (content bytes, or the JSON
 * request), so escapes and the untouched title, link and reference all count. A binary search:
 * the size grows with every code point added.
 */
export function fitBody(body: string, fits: (candidate: string) => boolean): string {
  if (fits(body)) return body;
  const points = Array.from(body);
  const cut = (n: number) => points.slice(0, n).join('').trimEnd() + ELLIPSIS;
  if (!fits(cut(0))) {
    throw new PermanentDeliveryError('the title, link and reference alone exceed the provider size limit');
  }
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}
