/**
 * Tencent Cloud SMS (SendSms 2021-01-11, through tencentcloud-sdk-nodejs-sms) and voice messages
 * (VMS SendTtsVoice 2020-09-02, through the common client of tencentcloud-sdk-nodejs-common).
 * Requests are signed with TC3-HMAC-SHA256, whose credential scope names the service by the first
 * label of the host; an endpoint override elsewhere therefore keeps the vendor's host name in the
 * request and only connects to the override's address (as curl's --connect-to does).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { Vendor } from '../../../common/schemas/channels.js';
import { TENCENT_VARIABLE_MAX, templateCall } from '../templates.js';
import { addressFor, PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel, SendResult } from './channel.js';
import { requireAccount, type VendorSettingsSource } from './vendor-settings.js';

/**
 * Flow control per number and the vendor's own faults pass; anything else (balance, template, signature, number) is
 * final.
 */
function isTransient(code: string): boolean {
  return (
    code.startsWith('InternalError') ||
    code === 'RequestLimitExceeded' ||
    code === 'LimitExceeded.PhoneNumberThirtySecondLimit' ||
    code === 'LimitExceeded.PhoneNumberOneHourLimit' ||
    code === 'FailedOperation.FrequencyLimit'
  );
}

/** The SDK's httpProfile for a service, honouring an endpoint override. */
export function tencentProfile(service: string, override: string | undefined, timeoutMs: number) {
  const host = `${service}.tencentcloudapi.com`;
  const base = { reqMethod: 'POST' as const, reqTimeout: Math.max(1, Math.ceil(timeoutMs / 1000)) };
  if (!override) return { httpProfile: { ...base, endpoint: host, protocol: 'https://' } };
  const url = new URL(override);
  if (url.hostname.startsWith(`${service}.`))
    return { httpProfile: { ...base, endpoint: url.host, protocol: `${url.protocol}//` } };
  const target = url.hostname.replace(/^\[|\]$/g, '');
  const lookup: LookupFunction = (_name, options, callback) => {
    const family = target.includes(':') ? 6 : 4;
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target, family },
      ]);
    else callback(null, target, family);
  };
  const agent = url.protocol === 'https:' ? new HttpsAgent({ lookup }) : new HttpAgent({ lookup });
  return {
    httpProfile: {
      ...base,
      endpoint: `${host}${url.port ? `:${url.port}` : ''}`,
      protocol: `${url.protocol}//`,
      agent,
    },
  };
}

function classify(who: Vendor, error: unknown): Error {
  const failure = (error ?? {}) as { code?: string; httpCode?: number; message?: string };
  const code = failure.code || undefined;
  const text =
    `${who}: ${code ?? (failure.httpCode ? `HTTP ${failure.httpCode}` : 'no answer')}` +
    `${failure.message ? ` (${failure.message.slice(0, 200)})` : ''}`;
  const transient = code
    ? isTransient(code)
    : failure.httpCode === undefined || failure.httpCode >= 500 || failure.httpCode === 429;
  return transient
    ? new TransientDeliveryError(text, undefined, { cause: error }, code)
    : new PermanentDeliveryError(text, { cause: error }, code);
}

export function tencentSmsChannel(settings: VendorSettingsSource, timeoutMs: number): Channel {
  return {
    name: 'sms',
    async send(address, message): Promise<SendResult> {
      const { mobile } = addressFor(address, 'sms');
      const { config, secrets } = await requireAccount(settings, 'tencent_sms');
      const client = new sms.v20210111.Client({
        credential: { secretId: secrets.secretId, secretKey: secrets.secretKey },
        region: config.region,
        profile: tencentProfile('sms', config.endpoint, timeoutMs),
      });
      const call = templateCall(message, TENCENT_VARIABLE_MAX);
      let status;
      try {
        const answer = await client.SendSms({
          PhoneNumberSet: [mobile],
          SmsSdkAppId: config.sdkAppId,
          SignName: config.signName,
          TemplateId: call.kind === 'alert' ? config.alertTemplate : config.noticeTemplate,
          TemplateParamSet: call.names.map((n) => call.values[n] ?? ''),
          SessionContext: message.deliveryId,
          ...(message.ack ? { ExtendCode: message.ack.extendCode } : {}),
        });
        status = answer.SendStatusSet?.[0];
      } catch (error) {
        throw classify('tencent_sms', error);
      }
      if (!status || status.Code !== 'Ok') {
        const code = status?.Code ?? 'NoStatus';
        const text = `tencent_sms error ${code}: ${status?.Message ?? ''}`;
        throw isTransient(code)
          ? new TransientDeliveryError(text, undefined, undefined, code)
          : new PermanentDeliveryError(text, undefined, code);
      }
      return { providerId: status.SerialNo, vendor: 'tencent_sms' };
    },
  };
}

export function tencentVoiceChannel(settings: VendorSettingsSource, timeoutMs: number): Channel {
  return {
    name: 'voice',
    async send(address, message): Promise<SendResult> {
      const { mobile } = addressFor(address, 'voice');
      const { config, secrets } = await requireAccount(settings, 'tencent_voice');
      const client = new CommonClient('vms.tencentcloudapi.com', '2020-09-02', {
        credential: { secretId: secrets.secretId, secretKey: secrets.secretKey },
        region: config.region,
        profile: tencentProfile('vms', config.endpoint, timeoutMs),
      });
      const call = templateCall(message, TENCENT_VARIABLE_MAX);
      try {
        const answer = (await client.request('SendTtsVoice', {
          TemplateId: config.voiceTemplate,
          TemplateParamSet: call.names.map((n) => call.values[n] ?? ''),
          CalledNumber: mobile,
          VoiceSdkAppid: config.voiceSdkAppId,
          PlayTimes: 2,
          SessionContext: message.deliveryId,
        })) as { SendStatus?: { CallId?: string } };
        return { providerId: answer.SendStatus?.CallId, vendor: 'tencent_voice' };
      } catch (error) {
        throw classify('tencent_voice', error);
      }
    },
  };
}
