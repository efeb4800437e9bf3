import type { z } from 'zod';
import type { ContactMethod, ContactMethodInput } from '../../../common/schemas/contacts.js';

/**
 * What may be shown of a method: a mobile, a user id, a device name; a robot's host only (its URL is the credential).
 */
export function presentContact(position: number, input: ContactMethodInput): z.infer<typeof ContactMethod> {
  switch (input.channel) {
    case 'email':
      return { position, channel: 'email', target: input.to, signed: false };
    case 'sms':
    case 'voice':
      return { position, channel: input.channel, target: input.mobile, signed: false };
    case 'wecom_app':
    case 'dingtalk_app':
    case 'feishu_app':
      return { position, channel: input.channel, target: input.userId, signed: false };
    case 'web_push':
      return {
        position,
        channel: 'web_push',
        target: input.device ?? new URL(input.subscription.endpoint).host,
        signed: true,
      };
    default:
      return {
        position,
        channel: input.channel,
        target: new URL(input.url).host,
        signed: 'secret' in input && Boolean(input.secret),
      };
  }
}
