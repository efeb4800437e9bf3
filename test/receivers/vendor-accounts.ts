/** The vendor accounts that point Steady's channels at the local fakes, as settings or as API bodies. */
import type { Vendor } from '../../src/common/schemas/channels.js';
import { fixedVendorSettings, type VendorSettingsSource } from '../../src/server/notify/channels/vendor-settings.js';
import type { VendorReceiver } from './vendor-receiver.js';

export function vendorAccounts(v: VendorReceiver, vapid?: { publicKey: string; privateKey: string }) {
  const c = v.credentials;
  return {
    aliyun_sms: {
      config: { endpoint: v.baseUrl, signName: 'Steady', alertTemplate: 'SMS_480001', noticeTemplate: 'SMS_480002' },
      secrets: { ...c.aliyun },
    },
    aliyun_voice: { config: { endpoint: v.baseUrl, ttsCode: 'TTS_480003' }, secrets: { ...c.aliyun } },
    tencent_sms: {
      config: {
        endpoint: v.baseUrl,
        region: 'ap-guangzhou',
        sdkAppId: c.tencent.sdkAppId,
        signName: 'Steady',
        alertTemplate: '2100001',
        noticeTemplate: '2100002',
      },
      secrets: { secretId: c.tencent.secretId, secretKey: c.tencent.secretKey },
    },
    tencent_voice: {
      config: {
        endpoint: v.baseUrl,
        region: 'ap-guangzhou',
        voiceSdkAppId: c.tencent.voiceSdkAppId,
        voiceTemplate: '2100003',
      },
      secrets: { secretId: c.tencent.secretId, secretKey: c.tencent.secretKey },
    },
    wecom_app: {
      config: { endpoint: v.baseUrl, corpId: c.wecom.corpId, agentId: c.wecom.agentId },
      secrets: {
        corpSecret: c.wecom.corpSecret,
        callbackToken: 'wecom-callback-token',
        encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      },
    },
    dingtalk_app: {
      config: { endpoint: v.baseUrl, agentId: c.dingtalk.agentId },
      secrets: { appKey: c.dingtalk.appKey, appSecret: c.dingtalk.appSecret },
    },
    feishu_app: { config: { endpoint: v.baseUrl, appId: c.feishu.appId }, secrets: { appSecret: c.feishu.appSecret } },
    ...(vapid
      ? { web_push: { config: { publicKey: vapid.publicKey }, secrets: { privateKey: vapid.privateKey } } }
      : {}),
  };
}

/** Fixed settings with only the named vendors enabled. */
export function vendorSettings(
  v: VendorReceiver,
  enabled: Vendor[],
  vapid?: { publicKey: string; privateKey: string },
): VendorSettingsSource {
  const all = vendorAccounts(v, vapid) as Record<string, unknown>;
  return fixedVendorSettings(
    Object.fromEntries(enabled.filter((name) => all[name]).map((name) => [name, all[name]])) as Parameters<
      typeof fixedVendorSettings
    >[0],
  );
}
