/**
 * Feishu / Lark custom robot (飞书自定义机器人), as in shared/standards/chat-webhooks.md §3:
 * a rich-text `post` message; when the robot has a secret, `timestamp` and `sign` travel as
 * top-level fields of the JSON body.
 */
import { createHmac } from 'node:crypto';
import { addressFor } from './channel.js';
import type { Address, Channel, OutgoingMessage, SendResult } from './channel.js';
import { fitBody, partsOf, utf8Bytes } from './compose.js';
import { postJson } from './http.js';
import type { HttpOptions } from './http.js';
import { checkRobotReply } from './robot.js';
import type { RobotDialect, RobotResult, Verdict } from './robot.js';

/** The whole request body may be at most 20 KB (official); signature fields included. */
export const FEISHU_BODY_MAX_BYTES = 20 * 1024;

/**
 * `sign`: base64(HMAC-SHA256(key = `${timestampSeconds}\n${secret}`, msg = empty)). Unlike
 * DingTalk the string is the key, not the message; swapping them is the known cause of 19021.
 */
export function feishuSign(secret: string, timestampSeconds: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

type Inline = { tag: 'text'; text: string } | { tag: 'a'; text: string; href: string };

/**
 * One paragraph per line. `post` is structured rather than markdown, so the user's text needs no
 * escaping; the language key follows the message's locale.
 */
function postContent(message: OutgoingMessage, body: string) {
  const parts = partsOf(message);
  const text = (line: string): Inline[] => [{ tag: 'text', text: line }];
  const paragraphs: Inline[][] = [...parts.lead, ...body.split('\n')].map(text);
  if (message.link) paragraphs.push([{ tag: 'a', text: parts.linkLabel, href: message.link }]);
  paragraphs.push(text(parts.reference));
  const language = message.locale === 'zh-CN' ? 'zh_cn' : 'en_us';
  return { post: { [language]: { title: parts.title, content: paragraphs } } };
}

/** The JSON request body, signed when there is a secret, the message body cut to the 20 KB limit. */
export function feishuRequestBody(message: OutgoingMessage, secret: string | undefined, now: Date): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = secret ? { timestamp, sign: feishuSign(secret, timestamp) } : {};
  const build = (body: string) =>
    JSON.stringify({ ...signature, msg_type: 'post', content: postContent(message, body) });
  return build(fitBody(message.body, (candidate) => utf8Bytes(build(candidate)) <= FEISHU_BODY_MAX_BYTES));
}

function judge({ code }: RobotResult): Verdict {
  // 11232: throttled (the robot's 100/min, 5/s, or load on the hour); 99991400: OpenAPI throttling.
  if (code === 11232 || code === 99991400) return { retry: true };
  // 9499 bad request, 19021 signature or timestamp, 19022 IP, 19024 keyword, and the rest.
  return { retry: false };
}

const DIALECT: RobotDialect = { who: 'Feishu', codeKey: 'code', messageKey: 'msg', judge };

export function feishuChannel(http: HttpOptions): Channel {
  return {
    name: 'feishu',
    async send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult> {
      const { url, secret } = addressFor(address, 'feishu');
      const reply = await postJson(url, feishuRequestBody(message, secret, now), {}, http);
      checkRobotReply(reply, now, DIALECT);
      return { delivered: true };
    },
  };
}
