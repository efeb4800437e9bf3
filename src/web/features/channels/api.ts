import type { DeliveryHealth, Vendor, VendorSettings, VendorSettingsBody } from '../../../common/schemas/channels.js';
import { http, request } from '../../api/client.js';

export type { DeliveryHealth, Vendor, VendorSettings };

/** Mirror of the schema's list (a value import would bring zod into the web bundle); the type keeps them in step. */
export const VENDOR_LIST: readonly Vendor[] = [
  'aliyun_sms',
  'tencent_sms',
  'aliyun_voice',
  'tencent_voice',
  'wecom_app',
  'dingtalk_app',
  'feishu_app',
  'web_push',
];

/** The fields each vendor asks for; `optional` may stay empty. */
export const VENDOR_FIELDS: Record<Vendor, { config: string[]; optional: string[]; secrets: string[] }> = {
  aliyun_sms: {
    config: ['signName', 'alertTemplate', 'noticeTemplate', 'endpoint'],
    optional: ['endpoint'],
    secrets: ['accessKeyId', 'accessKeySecret'],
  },
  tencent_sms: {
    config: ['sdkAppId', 'signName', 'alertTemplate', 'noticeTemplate', 'region', 'endpoint'],
    optional: ['endpoint', 'region'],
    secrets: ['secretId', 'secretKey'],
  },
  aliyun_voice: {
    config: ['ttsCode', 'calledShowNumber', 'endpoint'],
    optional: ['calledShowNumber', 'endpoint'],
    secrets: ['accessKeyId', 'accessKeySecret'],
  },
  tencent_voice: {
    config: ['voiceSdkAppId', 'voiceTemplate', 'region', 'endpoint'],
    optional: ['endpoint', 'region'],
    secrets: ['secretId', 'secretKey'],
  },
  wecom_app: {
    config: ['corpId', 'agentId', 'endpoint'],
    optional: ['endpoint'],
    secrets: ['corpSecret', 'callbackToken', 'encodingAesKey'],
  },
  dingtalk_app: { config: ['agentId', 'endpoint'], optional: ['endpoint'], secrets: ['appKey', 'appSecret'] },
  feishu_app: { config: ['appId', 'endpoint'], optional: ['endpoint'], secrets: ['appSecret'] },
  web_push: { config: [], optional: [], secrets: [] },
};

export const channelsApi = {
  list: () => http.get<VendorSettings[]>('/channels'),
  save: (vendor: Vendor, body: VendorSettingsBody) => request<VendorSettings>('PUT', `/channels/${vendor}`, { body }),
  issueCallback: (vendor: Vendor) => http.post<{ callbackUrl: string }>(`/channels/${vendor}/callback-key`),
  health: () => http.get<DeliveryHealth>('/channels/health'),
  webPushKey: () => http.get<{ publicKey: string | null }>('/channels/web-push-key'),
};
