/**
 * The composition of the delivery channels. The engine picks one by `address.channel`; every
 * channel sends once and reports a failure as TransientDeliveryError or PermanentDeliveryError.
 */
import type { Channel, ChannelName } from './channel.js';
import { dingtalkChannel } from './dingtalk.js';
import { emailChannel } from './email.js';
import type { SmtpOptions } from './email.js';
import { feishuChannel } from './feishu.js';
import { DEFAULT_TIMEOUT_MS } from './http.js';
import { webhookChannel } from './webhook.js';
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
}

export function createChannels(options: ChannelOptions = {}): Record<ChannelName, Channel> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const http = { fetch: options.fetch ?? globalThis.fetch, timeoutMs };
  return {
    email: emailChannel(options.smtp, timeoutMs),
    webhook: webhookChannel(http),
    dingtalk: dingtalkChannel(http),
    wecom: wecomChannel(http),
    feishu: feishuChannel(http),
  };
}
