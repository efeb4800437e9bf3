/**
 * What the vendors send back: SMS replies and delivery receipts (Aliyun's HTTP batch push,
 * Tencent's callbacks) and WeCom's application callbacks. Aliyun and Tencent do not sign their
 * callbacks, so the URL carries a key Steady issued (checked as a hash; a wrong key is 401 and
 * nothing changes); WeCom signs and encrypts its own (msg_signature, AES), checked with @wecom/crypto.
 */
import { decrypt, getSignature } from '@wecom/crypto';
import { normaliseMobile } from '../../../common/phone.js';
import type { Failover } from '../../notify/failover.js';
import type { AcknowledgementService } from '../acknowledgements/acknowledgements.service.js';

export interface CallbackDeps {
  failover: Failover;
  acks: AcknowledgementService;
  now: () => Date;
}

type Item = Record<string, unknown>;
const list = (body: unknown): Item[] =>
  (Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : []).filter(
    (x): x is Item => Boolean(x) && typeof x === 'object',
  );
const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Aliyun SmsUp: [{phone_number, content, send_time, dest_code, sequence_id, sign_name}]. */
export async function aliyunReplies(body: unknown, d: CallbackDeps): Promise<number> {
  let acknowledged = 0;
  for (const item of list(body)) {
    const mobile = normaliseMobile(text(item.phone_number));
    if (mobile && (await d.acks.replyBySms(mobile, text(item.content), text(item.dest_code).slice(-2) || null)))
      acknowledged += 1;
  }
  return acknowledged;
}

/** Aliyun SmsReport: [{biz_id, success, err_code, err_msg, report_time, …}]. */
export async function aliyunReceipts(body: unknown, d: CallbackDeps): Promise<void> {
  for (const item of list(body)) {
    const id = text(item.biz_id);
    if (id)
      await d.failover.receipt(['aliyun_sms'], id, {
        delivered: item.success === true,
        code: text(item.err_code),
        description: text(item.err_msg),
        at: d.now(),
      });
  }
}

/** Tencent reply: {extend, mobile, nationcode, sign, text, time}. */
export async function tencentReplies(body: unknown, d: CallbackDeps): Promise<number> {
  let acknowledged = 0;
  for (const item of list(body)) {
    const nation = text(item.nationcode) || '86';
    const mobile = normaliseMobile(nation === '86' ? text(item.mobile) : `+${nation}${text(item.mobile)}`);
    if (mobile && (await d.acks.replyBySms(mobile, text(item.text), text(item.extend) || null))) acknowledged += 1;
  }
  return acknowledged;
}

/** Tencent status: [{sid, report_status: SUCCESS|FAIL, errmsg, description, mobile, …}]. */
export async function tencentReceipts(body: unknown, d: CallbackDeps): Promise<void> {
  for (const item of list(body)) {
    const id = text(item.sid);
    if (id)
      await d.failover.receipt(['tencent_sms'], id, {
        delivered: text(item.report_status) === 'SUCCESS',
        code: text(item.errmsg),
        description: text(item.description),
        at: d.now(),
      });
  }
}

const field = (xml: string, name: string) =>
  new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`)
    .exec(xml)
    ?.slice(1)
    .find((x) => x !== undefined);

export interface WecomSecrets {
  corpId: string;
  callbackToken: string;
  encodingAesKey: string;
}

/** The decrypted text of a signed WeCom request, or null when the signature or the corp id is wrong. */
export function openWecom(
  secrets: WecomSecrets,
  query: { msg_signature?: string; timestamp?: string; nonce?: string },
  encrypted: string,
): string | null {
  if (!query.msg_signature || !query.timestamp || !query.nonce || !encrypted) return null;
  if (getSignature(secrets.callbackToken, query.timestamp, query.nonce, encrypted) !== query.msg_signature) return null;
  try {
    const { message, id } = decrypt(secrets.encodingAesKey, encrypted);
    return id === secrets.corpId ? message : null;
  } catch {
    return null;
  }
}

/** The Encrypt field of WeCom's XML envelope. */
export const wecomEnvelope = (xml: string): string => field(xml, 'Encrypt') ?? '';

/** A text message a user sent to the app: "1" acknowledges their open link. */
export async function wecomMessage(xml: string, d: CallbackDeps): Promise<boolean> {
  if (field(xml, 'MsgType') !== 'text') return false;
  const userId = field(xml, 'FromUserName');
  return userId ? d.acks.replyInApp('wecom_app', userId, field(xml, 'Content') ?? '') : false;
}
