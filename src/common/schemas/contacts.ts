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

/**
 * Keeps the saved method now at `keep` (a position as listed), address and secret unchanged: a
 * robot's credentials never come back from the server, so reordering must not ask for them again.
 */
export const KeptContactMethod = z.strictObject({ keep: z.number().int().min(1).max(CONTACT_METHODS_MAX) });
export type KeptContactMethod = z.infer<typeof KeptContactMethod>;

export const ContactMethodsBody = z.strictObject({ methods: z.array(z.union([KeptContactMethod, ContactMethodInput])).max(CONTACT_METHODS_MAX) });
export type ContactMethodsBody = z.infer<typeof ContactMethodsBody>;

/** As shown back: robot URLs and secrets are credentials, so only their host and presence leave. */
export const ContactMethod = z.object({
  position: z.number().int(),
  channel: z.enum(['email', 'webhook', 'dingtalk', 'wecom', 'feishu']),
  target: z.string(),
  signed: z.boolean(),
});
