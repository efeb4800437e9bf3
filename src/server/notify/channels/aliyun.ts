/**
 * Aliyun SMS (Dysmsapi SendSms, through @alicloud/dysmsapi20170525) and voice notification calls
 * (Dyvmsapi SingleCallByTts, through @alicloud/openapi-client: there is no npm SDK for Dyvmsapi).
 * Both sign requests with ACS3-HMAC-SHA256; both answer HTTP 200 with a `Code` that is "OK" or the
 * reason, so a send is judged on that code. See docs/channels.md.
 */
import dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import openApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import type { Vendor } from '../../../common/schemas/channels.js';
import { aliyunNumber } from '../../../common/phone.js';
import { ALIYUN_VARIABLE_MAX, ALIYUN_VOICE_PARAMS_MAX, fit, templateCall } from '../templates.js';
import { addressFor, PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel, SendResult } from './channel.js';
import { requireAccount, type VendorSettingsSource } from './vendor-settings.js';

/** Codes that pass by themselves: flow control, the vendor's own faults. Every other code is final. */
const TRANSIENT = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'Throttling',
  'Throttling.User',
  'ServiceUnavailable',
  'InternalError',
]);
const isTransient = (code: string) => TRANSIENT.has(code) || code.startsWith('isp.') || code.startsWith('Throttling');

function endpointOf(url: string | undefined, fallback: string): { endpoint: string; protocol: string } {
  if (!url) return { endpoint: fallback, protocol: 'https' };
  const parsed = new URL(url);
  return { endpoint: parsed.host, protocol: parsed.protocol.replace(':', '') };
}

/** Turns what the SDK threw (HTTP 4xx/5xx with the vendor's code, or no answer) into our two kinds. */
function classifyThrown(who: Vendor, error: unknown): Error {
  const failure = (error ?? {}) as {
    code?: string;
    statusCode?: number;
    data?: { statusCode?: number };
    message?: string;
  };
  const status = failure.statusCode ?? failure.data?.statusCode;
  const code = failure.code && failure.code !== 'undefined' ? failure.code : undefined;
  const text = `${who}: ${code ?? 'no answer'}${failure.message ? ` (${failure.message.slice(0, 200)})` : ''}`;
  if (status === undefined || status >= 500 || status === 429 || (code && isTransient(code)))
    return new TransientDeliveryError(text, undefined, { cause: error }, code);
  return new PermanentDeliveryError(text, { cause: error }, code);
}

function judge(who: Vendor, body: { Code?: string; Message?: string } | undefined): void {
  const code = body?.Code ?? 'NoCode';
  if (code === 'OK') return;
  const text = `${who} error ${code}: ${body?.Message ?? ''}`;
  throw isTransient(code)
    ? new TransientDeliveryError(text, undefined, undefined, code)
    : new PermanentDeliveryError(text, undefined, code);
}

export function aliyunSmsChannel(settings: VendorSettingsSource, timeoutMs: number): Channel {
  return {
    name: 'sms',
    async send(address, message): Promise<SendResult> {
      const { mobile } = addressFor(address, 'sms');
      const { config, secrets } = await requireAccount(settings, 'aliyun_sms');
      const client = new dysmsapi.default(
        new $OpenApiUtil.Config({
          accessKeyId: secrets.accessKeyId,
          accessKeySecret: secrets.accessKeySecret,
          ...endpointOf(config.endpoint, 'dysmsapi.aliyuncs.com'),
          readTimeout: timeoutMs,
          connectTimeout: timeoutMs,
        }),
      );
      const call = templateCall(message, ALIYUN_VARIABLE_MAX);
      const request = new SendSmsRequest({
        phoneNumbers: aliyunNumber(mobile),
        signName: config.signName,
        templateCode: call.kind === 'alert' ? config.alertTemplate : config.noticeTemplate,
        templateParam: JSON.stringify(call.values),
        outId: message.deliveryId.replace(/-/g, '').slice(0, 32),
        ...(message.ack ? { smsUpExtendCode: message.ack.extendCode } : {}),
      });
      let body;
      try {
        body = (await client.sendSms(request)).body;
      } catch (error) {
        throw classifyThrown('aliyun_sms', error);
      }
      judge('aliyun_sms', { Code: body?.code, Message: body?.message });
      return { providerId: body?.bizId, vendor: 'aliyun_sms' };
    },
  };
}

/** The RPC call as the Dyvmsapi 2017-05-25 reference describes it. */
const SINGLE_CALL_BY_TTS = {
  action: 'SingleCallByTts',
  version: '2017-05-25',
  protocol: 'HTTPS',
  pathname: '/',
  method: 'POST',
  authType: 'AK',
  style: 'RPC',
  reqBodyType: 'formData',
  bodyType: 'json',
};

export function aliyunVoiceChannel(settings: VendorSettingsSource, timeoutMs: number): Channel {
  return {
    name: 'voice',
    async send(address, message): Promise<SendResult> {
      const { mobile } = addressFor(address, 'voice');
      const { config, secrets } = await requireAccount(settings, 'aliyun_voice');
      const client = new openApi.default(
        new $OpenApi.Config({
          accessKeyId: secrets.accessKeyId,
          accessKeySecret: secrets.accessKeySecret,
          ...endpointOf(config.endpoint, 'dyvmsapi.aliyuncs.com'),
        }),
      );
      const call = templateCall(message, ALIYUN_VARIABLE_MAX);
      let ttsParam = JSON.stringify(call.values);
      if (Array.from(ttsParam).length > ALIYUN_VOICE_PARAMS_MAX)
        ttsParam = JSON.stringify({ ...call.values, event: fit(call.values.event ?? '', 12) });
      const query = {
        CalledNumber: aliyunNumber(mobile),
        TtsCode: config.ttsCode,
        TtsParam: ttsParam,
        PlayTimes: '2',
        OutId: message.deliveryId.replace(/-/g, '').slice(0, 15),
        ...(config.calledShowNumber ? { CalledShowNumber: config.calledShowNumber } : {}),
      };
      let body: { Code?: string; Message?: string; CallId?: string } | undefined;
      try {
        const answer = await client.callApi(
          new $OpenApi.Params(SINGLE_CALL_BY_TTS),
          new $OpenApi.OpenApiRequest({ query }),
          new $Util.RuntimeOptions({ autoretry: false, readTimeout: timeoutMs, connectTimeout: timeoutMs }),
        );
        body = answer.body as typeof body;
      } catch (error) {
        throw classifyThrown('aliyun_voice', error);
      }
      judge('aliyun_voice', body);
      return { providerId: body?.CallId, vendor: 'aliyun_voice' };
    },
  };
}
