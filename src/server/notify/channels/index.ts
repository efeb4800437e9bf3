/**
 * The composition of the delivery channels. The engine picks one by `address.channel`; every
 * channel sends once and reports a failure as TransientDeliveryError or PermanentDeliveryError.
 */
import type { Agent } from 'node:https';
import type { Vendor } from '../../../common/schemas/channels.js';
import { aliyunSmsChannel, aliyunVoiceChannel } from './aliyun.js';
import { PermanentDeliveryError, TransientDeliveryError, type Channel, type ChannelName } from './channel.js';
import { dingtalkChannel } from './dingtalk.js';
import { emailChannel } from './email.js';
import type { SmtpOptions } from './email.js';
import { feishuAppChannel } from './feishu-app.js';
import { feishuChannel } from './feishu.js';
import { DEFAULT_TIMEOUT_MS } from './http.js';
import { tencentSmsChannel, tencentVoiceChannel } from './tencent.js';
import { fixedVendorSettings, type VendorSettingsSource } from './vendor-settings.js';
import { webPushChannel } from './web-push.js';
import { webhookChannel } from './webhook.js';
import { dingtalkAppChannel, wecomAppChannel } from './work-apps.js';
import { wecomChannel } from './wecom.js';

export * from './channel.js';
export type { SmtpOptions } from './email.js';

export interface ChannelOptions {
  /** Without it, e-mail fails permanently, so the engine fails over to another channel. */
  smtp?: SmtpOptions;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per attempt: connecting, sending and reading the answer. 10 s when not given. */
  timeoutMs?: number;
  /** The vendor accounts (SMS, voice, work apps, Web Push); none configured when not given. */
  vendors?: VendorSettingsSource;
  /** The VAPID subject (mailto: or https:) push services are told. */
  vapidSubject?: string;
  /** For tests: the agent that trusts the local push service's certificate. */
  pushAgent?: Agent;
}

/**
 * SMS and voice go through whichever vendor is enabled; with both, Aliyun first. A vendor that is
 * not configured answers as a configuration error, so the engine fails over to the next method.
 */
function firstEnabled(name: ChannelName, vendors: VendorSettingsSource, options: [Vendor, Channel][]): Channel {
  return {
    name,
    async send(address, message, now) {
      for (const [vendor, channel] of options) {
        if (!(await vendors.account(vendor))) continue;
        try {
          return await channel.send(address, message, now);
        } catch (error) {
          if (error instanceof TransientDeliveryError || error instanceof PermanentDeliveryError) error.vendor = vendor;
          throw error;
        }
      }
      throw new PermanentDeliveryError(`no ${name} vendor is configured`, undefined, 'not_configured');
    },
  };
}

export function createChannels(options: ChannelOptions = {}): Record<ChannelName, Channel> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const http = { fetch: options.fetch ?? globalThis.fetch, timeoutMs };
  const vendors = options.vendors ?? fixedVendorSettings({});
  return {
    email: emailChannel(options.smtp, timeoutMs),
    webhook: webhookChannel(http),
    dingtalk: dingtalkChannel(http),
    wecom: wecomChannel(http),
    feishu: feishuChannel(http),
    sms: firstEnabled('sms', vendors, [
      ['aliyun_sms', aliyunSmsChannel(vendors, timeoutMs)],
      ['tencent_sms', tencentSmsChannel(vendors, timeoutMs)],
    ]),
    voice: firstEnabled('voice', vendors, [
      ['aliyun_voice', aliyunVoiceChannel(vendors, timeoutMs)],
      ['tencent_voice', tencentVoiceChannel(vendors, timeoutMs)],
    ]),
    wecom_app: wecomAppChannel(vendors, http),
    dingtalk_app: dingtalkAppChannel(vendors, http),
    feishu_app: feishuAppChannel(vendors, timeoutMs),
    web_push: webPushChannel(vendors, options.vapidSubject ?? 'mailto:steady@localhost', timeoutMs, options.pushAgent),
  };
}
