import { z } from 'zod';

const Url = z.url({ protocol: /^https?$/ }).max(1000);
const Secret = z.string().min(1).max(200);

/** How to reach a person, first to last; a method that keeps failing hands over to the next. */
export const ContactMethodInput = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('email'), to: z.email().max(200) }),
  z.strictObject({ channel: z.literal('webhook'), url: Url, secret: Secret }),
  z.strictObject({ channel: z.literal('dingtalk'), url: Url, secret: Secret.optional() }),
  z.strictObject({ channel: z.literal('wecom'), url: Url }),
  z.strictObject({ channel: z.literal('feishu'), url: Url, secret: Secret.optional() }),
]);
export type ContactMethodInput = z.infer<typeof ContactMethodInput>;
export const CONTACT_METHODS_MAX = 5;

export const ContactMethodsBody = z.strictObject({ methods: z.array(ContactMethodInput).max(CONTACT_METHODS_MAX) });

/** As shown back: robot URLs and secrets are credentials, so only their host and presence leave. */
export const ContactMethod = z.object({
  position: z.number().int(),
  channel: z.enum(['email', 'webhook', 'dingtalk', 'wecom', 'feishu']),
  target: z.string(),
  signed: z.boolean(),
});
