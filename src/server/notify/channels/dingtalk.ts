/**
 * DingTalk custom robot (钉钉自定义机器人), as in shared/standards/chat-webhooks.md §1:
 * a markdown message, signed (加签) in the query string when the robot has a secret.
 */
import { createHmac } from 'node:crypto';
import { nationalMobile } from '../../../common/phone.js';
import { addressFor } from './channel.js';
import type { Address, Channel, OutgoingMessage, SendResult } from './channel.js';
import { fitBody, partsOf, utf8Bytes } from './compose.js';
import { postJson } from './http.js';
import type { HttpOptions } from './http.js';
import { checkRobotReply } from './robot.js';
import type { RobotDialect, RobotResult, Verdict } from './robot.js';

/**
 * DingTalk documents no size limit for a markdown message (the standards file lists none), so
 * this is our own bound: well inside what robots are seen to accept, and plenty for an alert.
 */
export const DINGTALK_MARKDOWN_MAX_BYTES = 4000;

/** Sending more than 20 a minute throttles the robot for 10 minutes (official). */
const DINGTALK_THROTTLE_MS = 10 * 60_000;

/**
 * `sign` for a robot secret: base64(HMAC-SHA256(key = secret, msg = `${timestampMs}\n${secret}`)), not yet URL-encoded.
 */
export function dingtalkSign(secret: string, timestampMs: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook URL with `timestamp` (ms) and the URL-encoded `sign` appended. */
export function dingtalkSignedUrl(url: string, secret: string | undefined, now: Date): string {
  if (!secret) return url;
  const timestamp = String(now.getTime());
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(secret, timestamp))}`;
}

/**
 * Markdown: the `title` field is what the chat list and the phone notification show. DingTalk
 * renders a single newline as a space, so each body line becomes its own paragraph.
 */
export function dingtalkPayload(message: OutgoingMessage, mention?: string): object {
  const parts = partsOf(message);
  // The robot @-mentions a mobile only when the text itself contains "@<mobile>" as well.
  const at = mention ? nationalMobile(mention) : undefined;
  const build = (body: string) => {
    const lines = [
      `#### ${parts.title}`,
      ...(at ? [`@${at}`] : []),
      ...parts.lead.map((l) => `**${l}**`),
      ...body.split('\n'),
    ];
    if (message.link) lines.push(`[${parts.linkLabel}](${message.link})`);
    lines.push(parts.reference);
    return lines.filter((line) => line.trim() !== '').join('\n\n');
  };
  const body = fitBody(message.body, (candidate) => utf8Bytes(build(candidate)) <= DINGTALK_MARKDOWN_MAX_BYTES);
  return {
    msgtype: 'markdown',
    markdown: { title: parts.title, text: build(body) },
    ...(at ? { at: { atMobiles: [at], isAtAll: false } } : {}),
  };
}

/** Codes from the standards file; 310000 covers keyword, timestamp, signature and IP checks alike. */
function judge({ code }: RobotResult): Verdict {
  if (code === 130101 || code === 410100) return { retry: true, retryAfterMs: DINGTALK_THROTTLE_MS };
  if (code === -1 || code === 90030) return { retry: true };
  return { retry: false };
}

const DIALECT: RobotDialect = { who: 'DingTalk', codeKey: 'errcode', messageKey: 'errmsg', judge };

export function dingtalkChannel(http: HttpOptions): Channel {
  return {
    name: 'dingtalk',
    async send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult> {
      const { url, secret, mention } = addressFor(address, 'dingtalk');
      const reply = await postJson(
        dingtalkSignedUrl(url, secret, now),
        JSON.stringify(dingtalkPayload(message, mention)),
        {},
        http,
      );
      checkRobotReply(reply, now, DIALECT);
      return { delivered: true };
    },
  };
}
