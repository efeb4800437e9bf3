/**
 * What the SMS and voice vendors check in a request besides its signature: an approved template,
 * every variable filled (Aliyun: 1–35 characters each; Tencent: the number of parameters the
 * template has), the whole message within 500 characters, a number they can send to.
 */
export const TEMPLATES = {
  aliyun: {
    SMS_480001: {
      text: '${unit}发生${event}，请于${due}前确认收到，回复${reply}确认。',
      vars: ['unit', 'event', 'due', 'reply'],
    },
    SMS_480002: { text: '${title}，详情请登录Steady查看。', vars: ['title'] },
    TTS_480003: {
      text: '这里是Steady应急提醒：${unit}发生${event}，请于${due}前确认。确认请回复短信${reply}。',
      vars: ['unit', 'event', 'due', 'reply'],
    },
  },
  tencent: {
    '2100001': { text: '{1}发生{2}，请于{3}前确认收到，回复{4}确认。', count: 4 },
    '2100002': { text: '{1}，详情请登录Steady查看。', count: 1 },
    '2100003': { text: '这里是Steady应急提醒：{1}发生{2}，请于{3}前确认。确认请回复短信{4}。', count: 4 },
  },
  signName: 'Steady',
} as const;

export type Check =
  | {
      ok: true;
      message: { to: string; params: Record<string, string>; text: string; reference: string; extendCode?: string };
    }
  | { ok: false; code: string; reason: string };

const length = (text: string) => Array.from(text).length;
const MAINLAND = /^1[3-9]\d{9}$/;

function aliyunTemplate(
  code: string,
  param: string | null,
  prefix: 'SMS_' | 'TTS_',
): Check | { ok: true; values: Record<string, string>; text: string } {
  const template = TEMPLATES.aliyun[code as keyof typeof TEMPLATES.aliyun];
  if (!template || !code.startsWith(prefix))
    return { ok: false, code: 'isv.SMS_TEMPLATE_ILLEGAL', reason: `template ${code} is not approved` };
  let values: Record<string, string>;
  try {
    values = JSON.parse(param ?? '{}') as Record<string, string>;
  } catch {
    return { ok: false, code: 'isv.INVALID_JSON_PARAM', reason: 'TemplateParam is not JSON' };
  }
  for (const name of template.vars) {
    const value = values[name];
    if (typeof value !== 'string' || value === '')
      return { ok: false, code: 'isv.TEMPLATE_MISSING_PARAMETERS', reason: `variable ${name} missing` };
    if (length(value) > 35)
      return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: `variable ${name} longer than 35` };
  }
  const text = template.text.replace(/\$\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return { ok: true, values, text };
}

export function checkAliyunSms(params: URLSearchParams): Check {
  const phone = params.get('PhoneNumbers') ?? '';
  if (!MAINLAND.test(phone) && !/^(?!86)\d{8,15}$/.test(phone))
    return { ok: false, code: 'isv.MOBILE_NUMBER_ILLEGAL', reason: `bad number ${phone}` };
  if (params.get('SignName') !== TEMPLATES.signName)
    return { ok: false, code: 'isv.SMS_SIGNATURE_ILLEGAL', reason: 'sign name not approved' };
  const template = aliyunTemplate(params.get('TemplateCode') ?? '', params.get('TemplateParam'), 'SMS_');
  if (!template.ok) return template;
  if (!('values' in template)) return template;
  if (length(`【${TEMPLATES.signName}】${template.text}`) > 500)
    return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: 'message over 500 characters' };
  const extendCode = params.get('SmsUpExtendCode') ?? undefined;
  if (extendCode !== undefined && !/^\d{1,12}$/.test(extendCode))
    return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: 'SmsUpExtendCode must be digits' };
  const to = MAINLAND.test(phone) ? `+86${phone}` : `+${phone}`;
  return {
    ok: true,
    message: {
      to,
      params: template.values,
      text: template.text,
      reference: params.get('OutId') ?? '',
      ...(extendCode ? { extendCode } : {}),
    },
  };
}

export function checkAliyunVoice(params: URLSearchParams): Check {
  const phone = params.get('CalledNumber') ?? '';
  if (!MAINLAND.test(phone))
    return { ok: false, code: 'isv.MOBILE_NUMBER_ILLEGAL', reason: `voice calls go to mainland numbers, not ${phone}` };
  const param = params.get('TtsParam');
  if (param && length(param) >= 250)
    return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: 'TtsParam 250 characters or more' };
  if (param && /https?:\/\//.test(param))
    return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: 'links are not allowed in voice variables' };
  const template = aliyunTemplate(params.get('TtsCode') ?? '', param, 'TTS_');
  if (!template.ok || !('values' in template)) return template;
  const plays = Number(params.get('PlayTimes') ?? '3');
  if (!(plays >= 1 && plays <= 3)) return { ok: false, code: 'isv.INVALID_PARAMETERS', reason: 'PlayTimes 1 to 3' };
  return {
    ok: true,
    message: { to: `+86${phone}`, params: template.values, text: template.text, reference: params.get('OutId') ?? '' },
  };
}

function tencentTemplate(id: unknown, set: unknown): Check | { ok: true; values: string[]; text: string } {
  const template = TEMPLATES.tencent[String(id) as keyof typeof TEMPLATES.tencent];
  if (!template)
    return {
      ok: false,
      code: 'FailedOperation.TemplateIncorrectOrUnapproved',
      reason: `template ${String(id)} is not approved`,
    };
  const values = Array.isArray(set) ? set.map(String) : [];
  if (values.length !== template.count || values.some((v) => v === ''))
    return {
      ok: false,
      code: 'InvalidParameterValue.TemplateParameterFormatError',
      reason: `template needs ${template.count} parameters`,
    };
  const text = template.text.replace(/\{(\d)\}/g, (_, i: string) => values[Number(i) - 1] ?? '');
  return { ok: true, values, text };
}

const E164 = /^\+[1-9]\d{7,14}$/;

export function checkTencentSms(body: Record<string, unknown>, sdkAppId: string): Check {
  const phones = body.PhoneNumberSet as unknown;
  if (!Array.isArray(phones) || phones.length !== 1 || !E164.test(String(phones[0])))
    return { ok: false, code: 'InvalidParameterValue.IncorrectPhoneNumber', reason: 'one E.164 number' };
  if (body.SmsSdkAppId !== sdkAppId)
    return { ok: false, code: 'FailedOperation.SmsSdkAppIdVerifyFail', reason: 'unknown SmsSdkAppId' };
  if (body.SignName !== TEMPLATES.signName)
    return { ok: false, code: 'FailedOperation.SignatureIncorrectOrUnapproved', reason: 'sign name not approved' };
  const template = tencentTemplate(body.TemplateId, body.TemplateParamSet);
  if (!template.ok || !('values' in template)) return template;
  if (length(`【${TEMPLATES.signName}】${template.text}`) > 500)
    return { ok: false, code: 'FailedOperation.ContainSensitiveWord', reason: 'message over 500 characters' };
  const names = ['1', '2', '3', '4'];
  return {
    ok: true,
    message: {
      to: String(phones[0]),
      params: Object.fromEntries(template.values.map((v, i) => [names[i]!, v])),
      text: template.text,
      reference: String(body.SessionContext ?? ''),
      ...(body.ExtendCode ? { extendCode: String(body.ExtendCode) } : {}),
    },
  };
}

export function checkTencentVoice(body: Record<string, unknown>, voiceSdkAppId: string): Check {
  if (!E164.test(String(body.CalledNumber ?? '')))
    return { ok: false, code: 'InvalidParameterValue.IncorrectPhoneNumber', reason: 'CalledNumber must be E.164' };
  if (body.VoiceSdkAppid !== voiceSdkAppId)
    return { ok: false, code: 'FailedOperation.VoiceSdkAppidVerifyFail', reason: 'unknown VoiceSdkAppid' };
  const template = tencentTemplate(body.TemplateId, body.TemplateParamSet);
  if (!template.ok || !('values' in template)) return template;
  return {
    ok: true,
    message: {
      to: String(body.CalledNumber),
      params: Object.fromEntries(template.values.map((v, i) => [String(i + 1), v])),
      text: template.text,
      reference: String(body.SessionContext ?? ''),
    },
  };
}
