/**
 * Feishu messages to one user, sent by the app (its bot) through @larksuiteoapi/node-sdk: the SDK
 * fetches the tenant_access_token from the app id and secret, caches it until it expires, and
 * signs each call with it. A client is kept per settings version, so a changed secret is used at once.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { addressFor, PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel, SendResult } from './channel.js';
import { noticeText } from './work-apps.js';
import { requireAccount, type VendorSettingsSource } from './vendor-settings.js';

/** Feishu's documented limit for a text or post message body: 150 KB; alerts stay far below it. */
const FEISHU_TEXT_MAX_BYTES = 150 * 1024;
/** Codes that pass: rate limits and the platform's internal errors. */
const TRANSIENT = new Set([99991400, 11232, 230020, 1000004, 1000005, 99991663, 99991661]);

interface LarkFailure {
  response?: { status?: number; data?: { code?: number; msg?: string } };
  code?: number | string;
  msg?: string;
  message?: string;
}

function classify(error: unknown): Error {
  const failure = (error ?? {}) as LarkFailure;
  const status = failure.response?.status;
  const code = failure.response?.data?.code ?? (typeof failure.code === 'number' ? failure.code : undefined);
  const text = (
    `feishu_app: ${code ?? (status ? `HTTP ${status}` : 'no answer')} ` +
    `${failure.response?.data?.msg ?? failure.msg ?? failure.message ?? ''}`
  ).trim();
  const transient =
    (code !== undefined && TRANSIENT.has(code)) ||
    (code === undefined && (status === undefined || status >= 500 || status === 429));
  return transient
    ? new TransientDeliveryError(text, undefined, { cause: error }, code === undefined ? undefined : String(code))
    : new PermanentDeliveryError(text, { cause: error }, code === undefined ? undefined : String(code));
}

export function feishuAppChannel(settings: VendorSettingsSource, timeoutMs: number): Channel {
  const clients = new Map<string, lark.Client>();
  return {
    name: 'feishu_app',
    async send(address, message): Promise<SendResult> {
      const { userId } = addressFor(address, 'feishu_app');
      const { config, secrets, version } = await requireAccount(settings, 'feishu_app');
      let client = clients.get(version);
      if (!client) {
        clients.clear();
        client = new lark.Client({
          appId: config.appId,
          appSecret: secrets.appSecret,
          domain: config.endpoint ?? lark.Domain.Feishu,
          loggerLevel: lark.LoggerLevel.fatal,
        });
        clients.set(version, client);
      }
      const { title, text } = noticeText(message, FEISHU_TEXT_MAX_BYTES);
      const link = message.ack?.url ?? message.link;
      const language = message.locale === 'en' ? 'en_us' : 'zh_cn';
      const label = message.ack
        ? message.locale === 'en'
          ? 'Acknowledge receipt'
          : '确认收到'
        : message.locale === 'en'
          ? 'Open in Steady'
          : '查看详情';
      const content = [
        ...text.split('\n').map((line) => [{ tag: 'text', text: line }]),
        ...(link ? [[{ tag: 'a', text: label, href: link }]] : []),
      ];
      const call = client.im.message.create({
        params: { receive_id_type: 'user_id' },
        data: {
          receive_id: userId,
          msg_type: 'post',
          content: JSON.stringify({ [language]: { title, content } }),
          uuid: message.deliveryId,
        },
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TransientDeliveryError(`feishu_app: no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      let answer: { code?: number; msg?: string; data?: { message_id?: string } };
      try {
        answer = await Promise.race([call, timeout]);
      } catch (error) {
        throw error instanceof TransientDeliveryError ? error : classify(error);
      } finally {
        clearTimeout(timer);
      }
      if (answer.code !== 0 && answer.code !== undefined) throw classify({ code: answer.code, msg: answer.msg });
      return { providerId: answer.data?.message_id, vendor: 'feishu_app', delivered: true };
    },
  };
}
