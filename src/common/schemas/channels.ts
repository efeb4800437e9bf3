import { z } from 'zod';

/**
 * The vendor accounts Steady sends through, configured once by an administrator. `config` may be
 * shown back; `secrets` are sealed with the server's key and never leave the server: an edit that
 * leaves a secret out keeps the saved one.
 */
export const VENDORS = [
  'aliyun_sms',
  'tencent_sms',
  'aliyun_voice',
  'tencent_voice',
  'wecom_app',
  'dingtalk_app',
  'feishu_app',
  'web_push',
] as const;
export type Vendor = (typeof VENDORS)[number];

/** An endpoint override (a regional endpoint, a proxy, a local fake in tests); the vendor's own when empty. */
const Endpoint = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .optional();
const Text = (max: number) => z.string().trim().min(1).max(max);
const TemplateId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((v) => /^[A-Za-z0-9_-]+$/.test(v), { params: { key: 'field.templateId' } });
const Digits = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .refine((v) => /^\d+$/.test(v), { params: { key: 'field.digits' } });
const Region = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => /^[a-z0-9-]+$/.test(v), { params: { key: 'field.region' } })
  .default('ap-guangzhou');

export const VENDOR_CONFIG = {
  aliyun_sms: z.strictObject({
    endpoint: Endpoint,
    signName: Text(20),
    alertTemplate: TemplateId,
    noticeTemplate: TemplateId,
  }),
  tencent_sms: z.strictObject({
    endpoint: Endpoint,
    region: Region,
    sdkAppId: Digits,
    signName: Text(20),
    alertTemplate: Digits,
    noticeTemplate: Digits,
  }),
  aliyun_voice: z.strictObject({ endpoint: Endpoint, calledShowNumber: Digits.optional(), ttsCode: TemplateId }),
  tencent_voice: z.strictObject({ endpoint: Endpoint, region: Region, voiceSdkAppId: Digits, voiceTemplate: Digits }),
  wecom_app: z.strictObject({ endpoint: Endpoint, corpId: Text(64), agentId: Digits }),
  dingtalk_app: z.strictObject({ endpoint: Endpoint, agentId: Digits }),
  feishu_app: z.strictObject({ endpoint: Endpoint, appId: Text(64) }),
  web_push: z.strictObject({ publicKey: z.string().trim().max(200).optional() }),
} as const;

const Secret = z.string().min(1).max(500);
export const VENDOR_SECRETS = {
  aliyun_sms: z.strictObject({ accessKeyId: Secret, accessKeySecret: Secret }),
  tencent_sms: z.strictObject({ secretId: Secret, secretKey: Secret }),
  aliyun_voice: z.strictObject({ accessKeyId: Secret, accessKeySecret: Secret }),
  tencent_voice: z.strictObject({ secretId: Secret, secretKey: Secret }),
  wecom_app: z.strictObject({ corpSecret: Secret, callbackToken: Secret, encodingAesKey: z.string().length(43) }),
  dingtalk_app: z.strictObject({ appKey: Secret, appSecret: Secret }),
  feishu_app: z.strictObject({ appSecret: Secret }),
  web_push: z.strictObject({ privateKey: Secret }),
} as const;

export type VendorConfig<V extends Vendor> = z.infer<(typeof VENDOR_CONFIG)[V]>;
export type VendorSecrets<V extends Vendor> = z.infer<(typeof VENDOR_SECRETS)[V]>;

/** An edit: the whole config, and only the secrets being set or replaced. */
export const VendorSettingsBody = z.strictObject({
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()).optional(),
});
export type VendorSettingsBody = z.infer<typeof VendorSettingsBody>;

export const VendorParams = z.object({ vendor: z.enum(VENDORS) });

/** As shown back: the config, which secrets are set (never their values), the callback URL path. */
export const VendorSettings = z.object({
  vendor: z.enum(VENDORS),
  enabled: z.boolean(),
  configured: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  secretsSet: z.array(z.string()),
  /** Where the vendor's console should send receipts and replies, without its key (shown once, on issuing). */
  callbackPath: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type VendorSettings = z.infer<typeof VendorSettings>;

export const CallbackKey = z.object({ callbackUrl: z.string() });

/** Delivery health of one channel over the last day. */
export const ChannelHealth = z.object({
  /** A vendor (aliyun_sms…) or a contact channel without one (email, dingtalk robot…). */
  channel: z.string(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  /** Milliseconds from the message's creation to confirmed delivery; null without deliveries. */
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  lastError: z.object({ at: z.string(), code: z.string().nullable(), message: z.string() }).nullable(),
});
export const DeliveryHealth = z.object({
  since: z.string(),
  channels: z.array(ChannelHealth),
  secretKeyConfigured: z.boolean(),
});
export type DeliveryHealth = z.infer<typeof DeliveryHealth>;
