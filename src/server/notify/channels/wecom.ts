/**
 * WeCom group robot (企业微信群机器人), as in shared/standards/chat-webhooks.md §2. There is no
 * signing: the `key` in the URL is the only credential.
 */
import { nationalMobile } from '../../../common/phone.js';
import { addressFor } from './channel.js';
import type { Address, Channel, OutgoingMessage, SendResult } from './channel.js';
import { fitBody, partsOf, utf8Bytes } from './compose.js';
import { postJson } from './http.js';
import type { HttpOptions } from './http.js';
import { checkRobotReply } from './robot.js';
import type { RobotDialect, RobotResult, Verdict } from './robot.js';

/** `text.content` may hold at most 2048 bytes of UTF-8 (official). */
export const WECOM_TEXT_MAX_BYTES = 2048;

/** 20 messages a minute per robot, in a rolling window: a minute's wait always clears it. */
const WECOM_WINDOW_MS = 60_000;

/**
 * A text message, not markdown: an alert is plain lines and a link, and text is the type every
 * WeCom client shows; markdown would only add formatting that some clients do not render.
 */
export function wecomPayload(message: OutgoingMessage, mention?: string): object {
  const parts = partsOf(message);
  const build = (body: string) =>
    [parts.title, ...parts.lead, body, message.link ?? '', parts.reference].filter((line) => line !== '').join('\n');
  const body = fitBody(message.body, (candidate) => utf8Bytes(build(candidate)) <= WECOM_TEXT_MAX_BYTES);
  return {
    msgtype: 'text',
    text: { content: build(body), ...(mention ? { mentioned_mobile_list: [nationalMobile(mention)] } : {}) },
  };
}

function judge({ code }: RobotResult): Verdict {
  if (code === 45009) return { retry: true, retryAfterMs: WECOM_WINDOW_MS };
  // -1 is WeCom's "system busy" across its APIs.
  if (code === -1) return { retry: true };
  // 93000 (invalid key) and every code the standards file does not list: not going to heal.
  return { retry: false };
}

const DIALECT: RobotDialect = { who: 'WeCom', codeKey: 'errcode', messageKey: 'errmsg', judge };

export function wecomChannel(http: HttpOptions): Channel {
  return {
    name: 'wecom',
    async send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult> {
      const { url, mention } = addressFor(address, 'wecom');
      const reply = await postJson(url, JSON.stringify(wecomPayload(message, mention)), {}, http);
      checkRobotReply(reply, now, DIALECT);
      return { delivered: true };
    },
  };
}
