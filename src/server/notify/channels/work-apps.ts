/**
 * Personal work notices in the apps people live in: WeCom application messages and DingTalk work
 * notifications (their documented HTTP APIs: there is no vendor SDK for sending on npm), each with
 * its access-token flow cached and renewed. Feishu goes through its SDK (feishu-app.ts).
 */
import type { Vendor } from '../../../common/schemas/channels.js';
import { addressFor, PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel, OutgoingMessage, SendResult } from './channel.js';
import { fitBody, partsOf, utf8Bytes } from './compose.js';
import { getJson, parseJson, postJson, snippet, throwIfTransientStatus } from './http.js';
import type { HttpOptions } from './http.js';
import { requireAccount, TokenCache, type VendorSettingsSource } from './vendor-settings.js';

/** Codes both apps use for an access token that is invalid or expired: fetch a new one and try again later. */
const TOKEN_CODES = new Set([40014, 42001, 40001, 88]);
/** WeCom textcard: title 128 bytes, description 512 bytes (its message reference). */
const WECOM_TITLE_MAX = 128;
const WECOM_DESCRIPTION_MAX = 512;

type Reply = { errcode?: number; errmsg?: string; [key: string]: unknown };

async function readReply(who: Vendor, reply: Awaited<ReturnType<typeof postJson>>, now: Date): Promise<Reply> {
  throwIfTransientStatus(reply, now, who);
  const json = parseJson(reply.text) as Reply | undefined;
  if (!json || typeof json.errcode !== 'number')
    throw new PermanentDeliveryError(`${who} answered without a result code${snippet(reply.text)}`);
  return json;
}

function failure(who: Vendor, reply: Reply): Error {
  const code = String(reply.errcode);
  const text = `${who} error ${code}: ${reply.errmsg ?? ''}`;
  // -1 busy; 45009 / 45033 / 90018 frequency limits: pass by themselves.
  const transient =
    reply.errcode === -1 ||
    reply.errcode === 45009 ||
    reply.errcode === 45033 ||
    reply.errcode === 90018 ||
    TOKEN_CODES.has(reply.errcode ?? 0);
  return transient
    ? new TransientDeliveryError(text, undefined, undefined, code)
    : new PermanentDeliveryError(text, undefined, code);
}

const base = (endpoint: string | undefined, fallback: string) => (endpoint ?? fallback).replace(/\/$/, '');

/** The plain-text form every app shows: title, drill line, body, acknowledge hint, reference. */
export function noticeText(message: OutgoingMessage, maxBytes: number): { title: string; text: string } {
  const parts = partsOf(message);
  const ask = message.ack
    ? [
        message.locale === 'en'
          ? `Reply ${message.ack.reply} to acknowledge, or open the link.`
          : `回复 ${message.ack.reply} 确认收到，或打开链接确认。`,
      ]
    : [];
  const build = (body: string) => [...parts.lead, body, ...ask, parts.reference].filter(Boolean).join('\n');
  return {
    title: parts.title,
    text: build(fitBody(message.body, (candidate) => utf8Bytes(build(candidate)) <= maxBytes)),
  };
}

const linkOf = (message: OutgoingMessage) => message.ack?.url ?? message.link;

/** Both apps' token endpoints: a GET answering errcode, access_token and expires_in (7200 s), cached. */
async function accessToken(
  who: Vendor,
  tokens: TokenCache,
  key: string,
  url: string,
  http: HttpOptions,
  now: Date,
): Promise<string> {
  return tokens.get(key, now.getTime(), async () => {
    const reply = await readReply(who, await getJson(url, http), now);
    if (reply.errcode !== 0) throw failure(who, reply);
    return { token: String(reply.access_token), expiresInSeconds: Number(reply.expires_in ?? 7200) };
  });
}

export function wecomAppChannel(settings: VendorSettingsSource, http: HttpOptions, tokens = new TokenCache()): Channel {
  return {
    name: 'wecom_app',
    async send(address, message, now): Promise<SendResult> {
      const { userId } = addressFor(address, 'wecom_app');
      const { config, secrets, version } = await requireAccount(settings, 'wecom_app');
      const root = base(config.endpoint, 'https://qyapi.weixin.qq.com');
      const key = `wecom:${version}`;
      const token = await accessToken(
        'wecom_app',
        tokens,
        key,
        `${root}/cgi-bin/gettoken?corpid=${encodeURIComponent(config.corpId)}&` +
          `corpsecret=${encodeURIComponent(secrets.corpSecret)}`,
        http,
        now,
      );
      const link = linkOf(message);
      const { title, text } = noticeText(message, link ? WECOM_DESCRIPTION_MAX : 2048);
      const payload = link
        ? {
            msgtype: 'textcard',
            textcard: {
              title: fitBody(title, (t) => utf8Bytes(t) <= WECOM_TITLE_MAX),
              description: text,
              url: link,
              btntxt: message.ack
                ? message.locale === 'en'
                  ? 'Acknowledge'
                  : '确认收到'
                : message.locale === 'en'
                  ? 'Open'
                  : '详情',
            },
          }
        : { msgtype: 'text', text: { content: `${title}\n${text}` } };
      const reply = await readReply(
        'wecom_app',
        await postJson(
          `${root}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`,
          JSON.stringify({
            touser: userId,
            agentid: Number(config.agentId),
            ...payload,
            safe: 0,
            enable_duplicate_check: 1,
            duplicate_check_interval: 600,
          }),
          {},
          http,
        ),
        now,
      );
      if (reply.errcode !== 0) {
        if (TOKEN_CODES.has(reply.errcode ?? 0)) tokens.drop(key);
        throw failure('wecom_app', reply);
      }
      // A user outside the app's visible range is listed, not refused: the message went nowhere.
      if (typeof reply.invaliduser === 'string' && reply.invaliduser.split('|').includes(userId)) {
        throw new PermanentDeliveryError(
          'wecom_app: the user is not in the application’s visible range (invaliduser)',
          undefined,
          'invaliduser',
        );
      }
      return {
        providerId: typeof reply.msgid === 'string' ? reply.msgid : undefined,
        vendor: 'wecom_app',
        delivered: true,
      };
    },
  };
}

export function dingtalkAppChannel(
  settings: VendorSettingsSource,
  http: HttpOptions,
  tokens = new TokenCache(),
): Channel {
  return {
    name: 'dingtalk_app',
    async send(address, message, now): Promise<SendResult> {
      const { userId } = addressFor(address, 'dingtalk_app');
      const { config, secrets, version } = await requireAccount(settings, 'dingtalk_app');
      const root = base(config.endpoint, 'https://oapi.dingtalk.com');
      const key = `dingtalk:${version}`;
      const token = await accessToken(
        'dingtalk_app',
        tokens,
        key,
        `${root}/gettoken?appkey=${encodeURIComponent(secrets.appKey)}&` +
          `appsecret=${encodeURIComponent(secrets.appSecret)}`,
        http,
        now,
      );
      const link = linkOf(message);
      const { title, text } = noticeText(message, 4000);
      const msg = link
        ? {
            msgtype: 'action_card',
            action_card: {
              title,
              markdown: `#### ${title}\n\n${text.split('\n').join('\n\n')}`,
              single_title: message.ack
                ? message.locale === 'en'
                  ? 'Acknowledge receipt'
                  : '确认收到'
                : message.locale === 'en'
                  ? 'Open'
                  : '查看详情',
              single_url: link,
            },
          }
        : { msgtype: 'text', text: { content: `${title}\n${text}` } };
      const reply = await readReply(
        'dingtalk_app',
        await postJson(
          `${root}/topapi/message/corpconversation/asyncsend_v2?access_token=${encodeURIComponent(token)}`,
          JSON.stringify({ agent_id: Number(config.agentId), userid_list: userId, msg }),
          {},
          http,
        ),
        now,
      );
      if (reply.errcode !== 0) {
        if (TOKEN_CODES.has(reply.errcode ?? 0)) tokens.drop(key);
        throw failure('dingtalk_app', reply);
      }
      return {
        providerId: reply.task_id === undefined ? undefined : String(reply.task_id),
        vendor: 'dingtalk_app',
        delivered: true,
      };
    },
  };
}
