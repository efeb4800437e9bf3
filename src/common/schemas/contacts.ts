import { z } from 'zod';
import { normaliseMobile } from '../phone.js';

const Url = z.url({ protocol: /^https?$/ }).max(1000);
const Secret = z.string().min(1).max(200);
/** A mainland mobile (13800138000, +86…) or +<country code><number>; stored as E.164. */
export const Mobile = z
  .string()
  .trim()
  .max(32)
  .refine((v) => normaliseMobile(v) !== null, { params: { key: 'field.mobile' } })
  .transform((v) => normaliseMobile(v)!);
/** A user id in a work app (WeCom userid, DingTalk userId, Feishu user_id). */
const AppUserId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((v) => /^[A-Za-z0-9_.@-]+$/.test(v), { params: { key: 'field.appUserId' } });
/** A browser's push subscription (PushSubscription.toJSON()). */
export const PushSubscription = z.strictObject({
  endpoint: z.url({ protocol: /^https$/ }).max(1000),
  keys: z.strictObject({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }),
});

/** How to reach a person, first to last; a method that does not confirm in time hands over to the next. */
export const ContactMethodInput = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('sms'), mobile: Mobile }),
  z.strictObject({ channel: z.literal('voice'), mobile: Mobile }),
  z.strictObject({ channel: z.literal('wecom_app'), userId: AppUserId }),
  z.strictObject({ channel: z.literal('dingtalk_app'), userId: AppUserId }),
  z.strictObject({ channel: z.literal('feishu_app'), userId: AppUserId }),
  z.strictObject({
    channel: z.literal('web_push'),
    subscription: PushSubscription,
    device: z.string().trim().max(60).optional(),
  }),
  z.strictObject({ channel: z.literal('email'), to: z.email().max(200) }),
  z.strictObject({ channel: z.literal('webhook'), url: Url, secret: Secret }),
  z.strictObject({ channel: z.literal('dingtalk'), url: Url, secret: Secret.optional(), mention: Mobile.optional() }),
  z.strictObject({ channel: z.literal('wecom'), url: Url, mention: Mobile.optional() }),
  z.strictObject({ channel: z.literal('feishu'), url: Url, secret: Secret.optional() }),
]);
export type ContactMethodInput = z.infer<typeof ContactMethodInput>;
export const CONTACT_METHODS_MAX = 6;
export const CONTACT_CHANNELS = [
  'sms',
  'voice',
  'wecom_app',
  'dingtalk_app',
  'feishu_app',
  'web_push',
  'email',
  'webhook',
  'dingtalk',
  'wecom',
  'feishu',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Keeps the saved method now at `keep` (a position as listed), address and secret unchanged: a
 * robot's credentials never come back from the server, so reordering must not ask for them again.
 */
export const KeptContactMethod = z.strictObject({ keep: z.number().int().min(1).max(CONTACT_METHODS_MAX) });
export type KeptContactMethod = z.infer<typeof KeptContactMethod>;

export const ContactMethodsBody = z.strictObject({
  methods: z.array(z.union([KeptContactMethod, ContactMethodInput])).max(CONTACT_METHODS_MAX),
});
export type ContactMethodsBody = z.infer<typeof ContactMethodsBody>;

/** As shown back: robot URLs and secrets are credentials, so only their host and presence leave. */
export const ContactMethod = z.object({
  position: z.number().int(),
  channel: z.enum(CONTACT_CHANNELS),
  target: z.string(),
  signed: z.boolean(),
});
export type ContactMethod = z.infer<typeof ContactMethod>;
