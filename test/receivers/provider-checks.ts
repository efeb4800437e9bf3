/**
 * How each endpoint of the HTTP receiver judges a request, written from the providers' rules in
 * shared/standards/chat-webhooks.md, not from Steady's sender code, so that a signing mistake in
 * the sender shows up as a refusal here, the way the real robot would refuse it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type ReceiverChannel = 'webhook' | 'dingtalk' | 'wecom' | 'feishu';

export interface Incoming {
  url: URL;
  headers: IncomingHttpHeaders;
  raw: string;
  nowMs: number;
}

export interface Accepted {
  deliveryId: string;
  title: string;
  body: string;
  /** msgtype / msg_type ('json' for the generic webhook). */
  format: string;
  payload: Record<string, unknown>;
}

export type Outcome = { ok: true; accepted: Accepted } | { ok: false; status: number; reply: object; reason: string };

export interface CheckConfig {
  /** null: the endpoint checks no signature. */
  secret: string | null;
  /** The credential in the URL (DingTalk access_token, WeCom key). */
  token: string;
  /** DingTalk and Feishu keyword security: a message must contain one of them. */
  keywords: string[];
}

const HOUR_MS = 3600_000;
/** The generic webhook's documented replay window. */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

export const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const REFERENCE = /Steady (?:消息编号：|message ID: )(\S+)/;
const referenceIn = (text: string): string => REFERENCE.exec(text)?.[1] ?? '';

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const refuse = (status: number, reply: object, reason: string): Outcome => ({ ok: false, status, reply, reason });
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const missingKeyword = (keywords: string[], raw: string) =>
  keywords.length > 0 && !keywords.some((k) => raw.includes(k));

export function checkWebhook(incoming: Incoming, config: CheckConfig): Outcome {
  const header = (name: string) => str(incoming.headers[name]);
  const timestamp = header('x-steady-timestamp');
  const payload = parseObject(incoming.raw);
  if (!payload) return refuse(400, { error: 'body is not JSON' }, 'not JSON');
  if (config.secret !== null) {
    const expected =
      'sha256=' + `${createHmac('sha256', config.secret).update(`${timestamp}.${incoming.raw}`).digest('hex')}`;
    if (!sameText(header('x-steady-signature'), expected)) return refuse(401, { error: 'bad signature' }, 'signature');
    if (!/^\d+$/.test(timestamp) || Math.abs(incoming.nowMs - Number(timestamp) * 1000) > WEBHOOK_MAX_SKEW_MS) {
      return refuse(401, { error: 'stale timestamp' }, 'timestamp');
    }
  }
  if (header('x-steady-delivery') !== payload.deliveryId) return refuse(400, { error: 'delivery id mismatch' }, 'id');
  const accepted = { deliveryId: str(payload.deliveryId), title: str(payload.title), body: str(payload.body) };
  return { ok: true, accepted: { ...accepted, format: 'json', payload } };
}

/** DingTalk: token and signature in the query; business errors as HTTP 200 with an errcode. */
export function checkDingtalk(incoming: Incoming, config: CheckConfig): Outcome {
  const dingtalkError = (errcode: number, errmsg: string) => refuse(200, { errcode, errmsg }, errmsg);
  const query = incoming.url.searchParams;
  if (query.get('access_token') !== config.token) return dingtalkError(300005, 'token is not exist');
  if (config.secret !== null) {
    const timestamp = query.get('timestamp') ?? '';
    if (!/^\d+$/.test(timestamp) || Math.abs(incoming.nowMs - Number(timestamp)) > HOUR_MS) {
      return dingtalkError(310000, 'invalid timestamp');
    }
    const expected = createHmac('sha256', config.secret).update(`${timestamp}\n${config.secret}`).digest('base64');
    // searchParams has already URL-decoded `sign`, as DingTalk does; an unencoded '+' arrives as ' '.
    if (!sameText(query.get('sign') ?? '', expected)) return dingtalkError(310000, 'sign not match');
  }
  const payload = parseObject(incoming.raw);
  if (!payload) return dingtalkError(400105, 'unsupported msgtype');
  if (missingKeyword(config.keywords, incoming.raw)) return dingtalkError(310000, 'keywords not in content');
  const format = str(payload.msgtype);
  if (format === 'markdown') {
    const markdown = obj(payload.markdown);
    const text = str(markdown.text);
    return {
      ok: true,
      accepted: { deliveryId: referenceIn(text), title: str(markdown.title), body: text, format, payload },
    };
  }
  if (format === 'text') {
    const [title = '', ...rest] = str(obj(payload.text).content).split('\n');
    const body = rest.join('\n');
    return { ok: true, accepted: { deliveryId: referenceIn(body), title, body, format, payload } };
  }
  return dingtalkError(400105, 'unsupported msgtype');
}

/** WeCom: the key in the URL is the only credential; text content is limited to 2048 bytes. */
export function checkWecom(incoming: Incoming, config: CheckConfig): Outcome {
  const wecomError = (errcode: number, errmsg: string) => refuse(200, { errcode, errmsg }, errmsg);
  if (incoming.url.searchParams.get('key') !== config.token) return wecomError(93000, 'invalid webhook url');
  const payload = parseObject(incoming.raw);
  if (!payload) return wecomError(40058, 'invalid json');
  const format = str(payload.msgtype);
  const content = str(obj(payload[format]).content);
  const limit = format === 'text' ? 2048 : format === 'markdown' ? 4096 : 0;
  if (limit === 0) return wecomError(40008, 'invalid message type');
  if (Buffer.byteLength(content) > limit) return wecomError(40058, `${format}.content exceed max length ${limit}`);
  const [title = '', ...rest] = content.split('\n');
  const body = rest.join('\n');
  return { ok: true, accepted: { deliveryId: referenceIn(body), title, body, format, payload } };
}

/** Feishu: signature fields in the body, keyed on `timestamp\nsecret`; the body at most 20 KB. */
export function checkFeishu(incoming: Incoming, config: CheckConfig): Outcome {
  const feishuError = (code: number, msg: string) => refuse(200, { code, msg, data: {} }, msg);
  if (Buffer.byteLength(incoming.raw) > 20 * 1024) return feishuError(9499, 'Bad Request');
  const payload = parseObject(incoming.raw);
  if (!payload) return feishuError(9499, 'Bad Request');
  if (config.secret !== null) {
    const timestamp = str(payload.timestamp);
    const expected = createHmac('sha256', `${timestamp}\n${config.secret}`).update(Buffer.alloc(0)).digest('base64');
    const fresh = /^\d+$/.test(timestamp) && Math.abs(incoming.nowMs - Number(timestamp) * 1000) <= HOUR_MS;
    if (!fresh || !sameText(str(payload.sign), expected)) {
      return feishuError(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
  }
  if (missingKeyword(config.keywords, incoming.raw)) return feishuError(19024, 'Key Words Not Found');
  const format = str(payload.msg_type);
  const content = obj(payload.content);
  if (format === 'text') {
    const [title = '', ...rest] = str(content.text).split('\n');
    const body = rest.join('\n');
    return { ok: true, accepted: { deliveryId: referenceIn(body), title, body, format, payload } };
  }
  if (format === 'post') {
    const languages = Object.values(obj(content.post)).map(obj);
    const post = languages[0] ?? {};
    const paragraphs = Array.isArray(post.content) ? (post.content as unknown[]) : [];
    const lineOf = (p: unknown) => (Array.isArray(p) ? p.map((el) => str(obj(el).text)).join('') : '');
    const body = paragraphs.map(lineOf).join('\n');
    return { ok: true, accepted: { deliveryId: referenceIn(body), title: str(post.title), body, format, payload } };
  }
  return feishuError(9499, 'Bad Request');
}
