/**
 * One HTTP server on 127.0.0.1 that plays the vendors Steady sends through, each as documented:
 * Aliyun SMS (SendSms) and voice (SingleCallByTts), signed ACS3-HMAC-SHA256; Tencent Cloud SMS
 * (SendSms 2021-01-11) and voice (VMS SendTtsVoice), signed TC3-HMAC-SHA256; the WeCom, DingTalk
 * and Feishu token endpoints and their personal message APIs. It checks signatures, tokens and the
 * shape of each request (approved templates with every variable, lengths, known users), answers
 * with the vendor's own success or error JSON, records what it accepted, and can be told to fail.
 * Only Node is needed, so a Steady server in another process can be pointed at it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyAcs3, verifyTc3 } from './vendor-signing.js';
import {
  TEMPLATES,
  checkAliyunSms,
  checkAliyunVoice,
  checkTencentSms,
  checkTencentVoice,
  type Check,
} from './vendor-shapes.js';

export type VendorName =
  'aliyun_sms' | 'aliyun_voice' | 'tencent_sms' | 'tencent_voice' | 'wecom_app' | 'dingtalk_app' | 'feishu_app';

export interface VendorMessage {
  vendor: VendorName;
  /** The mobile (E.164, +86…) or the app user id. */
  to: string;
  /** Template variables by name (SMS, voice) or the text shown (apps). */
  params: Record<string, string>;
  text: string;
  /** What Steady passed to match it later: OutId / SessionContext / uuid (the delivery id). */
  reference: string;
  /** SMS extension code, when sent. */
  extendCode?: string;
  providerId: string;
  at: number;
}

/** HTTP 503, a vendor code that refuses (quota / template), a vendor code that limits, or no answer. */
export type VendorFailure = 503 | 'quota' | 'template' | 'limit' | 'hang';

export interface VendorReceiver {
  baseUrl: string;
  credentials: {
    aliyun: { accessKeyId: string; accessKeySecret: string };
    tencent: { secretId: string; secretKey: string; sdkAppId: string; voiceSdkAppId: string };
    wecom: { corpId: string; corpSecret: string; agentId: string };
    dingtalk: { appKey: string; appSecret: string; agentId: string };
    feishu: { appId: string; appSecret: string };
  };
  received: VendorMessage[];
  refused: { vendor: VendorName; code: string; reason: string }[];
  tokensIssued: Record<'wecom' | 'dingtalk' | 'feishu', number>;
  /** Users each app knows; a message to anyone else is refused the way the app refuses it. */
  appUsers: Set<string>;
  failNext(vendor: VendorName, n: number, kind: VendorFailure): void;
  /** Makes every access token issued so far invalid, as when it expires. */
  expireTokens(): void;
  close(): Promise<void>;
}

export interface VendorReceiverOptions {
  /** The clock that dates what was received and expires tokens (Steady's, in a fast-forwarded test). */
  now?: () => number;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-tc-traceid': randomUUID() });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Each vendor's own words for the injected failures. */
const ALIYUN_CODES = {
  quota: 'isv.AMOUNT_NOT_ENOUGH',
  template: 'isv.SMS_TEMPLATE_ILLEGAL',
  limit: 'isv.BUSINESS_LIMIT_CONTROL',
} as const;
const TENCENT_CODES = {
  quota: 'FailedOperation.InsufficientBalanceInSmsPackage',
  template: 'FailedOperation.TemplateIncorrectOrUnapproved',
  limit: 'LimitExceeded.PhoneNumberThirtySecondLimit',
} as const;
const APP_CODES = {
  wecom_app: {
    quota: [45009, 'api freq out of limit'],
    template: [60020, 'not allow to access from your ip'],
    limit: [45009, 'api freq out of limit'],
  },
  dingtalk_app: {
    quota: [90018, 'request too fast'],
    template: [33012, 'invalid userid'],
    limit: [90018, 'request too fast'],
  },
  feishu_app: {
    quota: [230020, 'request trigger frequency limit'],
    template: [230002, 'bot not in chat'],
    limit: [230020, 'request trigger frequency limit'],
  },
} as const;

export async function startVendorReceiver(options: VendorReceiverOptions = {}): Promise<VendorReceiver> {
  const now = options.now ?? Date.now;
  const secret = () => randomBytes(16).toString('hex');
  const credentials = {
    aliyun: { accessKeyId: `LTAI${secret().slice(0, 16)}`, accessKeySecret: secret() },
    tencent: { secretId: `AKID${secret()}`, secretKey: secret(), sdkAppId: '1400000001', voiceSdkAppId: '1400000002' },
    wecom: { corpId: `ww${secret().slice(0, 16)}`, corpSecret: secret(), agentId: '1000002' },
    dingtalk: { appKey: `ding${secret().slice(0, 16)}`, appSecret: secret(), agentId: '2000001' },
    feishu: { appId: `cli_${secret().slice(0, 16)}`, appSecret: secret() },
  };
  const aliyunKeys = new Map([[credentials.aliyun.accessKeyId, credentials.aliyun.accessKeySecret]]);
  const tencentKeys = new Map([[credentials.tencent.secretId, credentials.tencent.secretKey]]);
  const received: VendorMessage[] = [];
  const refused: VendorReceiver['refused'] = [];
  const pending = new Map<VendorName, VendorFailure[]>();
  const tokens = new Map<string, { app: 'wecom' | 'dingtalk' | 'feishu'; until: number }>();
  const tokensIssued = { wecom: 0, dingtalk: 0, feishu: 0 };
  const appUsers = new Set<string>();

  const injected = (vendor: VendorName) => pending.get(vendor)?.shift();
  const accept = (vendor: VendorName, check: Extract<Check, { ok: true }>): string => {
    const providerId = `${vendor}-${randomBytes(6).toString('hex')}`;
    received.push({ vendor, ...check.message, providerId, at: now() });
    return providerId;
  };
  const refuse = (vendor: VendorName, code: string, reason: string) => refused.push({ vendor, code, reason });
  const issueToken = (app: 'wecom' | 'dingtalk' | 'feishu') => {
    const token = randomBytes(24).toString('hex');
    tokens.set(token, { app, until: now() + 7200_000 });
    tokensIssued[app] += 1;
    return token;
  };
  const tokenOk = (token: string | null, app: 'wecom' | 'dingtalk' | 'feishu') => {
    const found = token ? tokens.get(token) : undefined;
    return Boolean(found && found.app === app && found.until > now());
  };

  async function aliyun(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const action = String(req.headers['x-acs-action'] ?? '');
    const vendor: VendorName = action === 'SingleCallByTts' ? 'aliyun_voice' : 'aliyun_sms';
    const requestId = randomUUID().toUpperCase();
    // Signatures carry the real time (the SDK's clock), whatever clock a test runs Steady on.
    const signature = verifyAcs3(
      { method: req.method ?? 'POST', url, headers: req.headers, raw },
      aliyunKeys,
      Date.now(),
    );
    if (!signature.ok) {
      refuse(vendor, signature.code, signature.reason);
      return json(res, signature.code.startsWith('InvalidAccessKeyId') ? 404 : 400, {
        Code: signature.code,
        Message: signature.reason,
        RequestId: requestId,
      });
    }
    const failure = injected(vendor);
    if (failure === 'hang') return;
    if (failure === 503)
      return json(res, 503, {
        Code: 'ServiceUnavailable',
        Message: 'The request has failed due to a temporary failure of the server.',
        RequestId: requestId,
      });
    if (failure) return json(res, 200, { Code: ALIYUN_CODES[failure], Message: failure, RequestId: requestId });
    const params = new URLSearchParams(url.search);
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) params.set(k, v);
    const check =
      action === 'SendSms'
        ? checkAliyunSms(params)
        : action === 'SingleCallByTts'
          ? checkAliyunVoice(params)
          : { ok: false as const, code: 'InvalidAction.NotFound', reason: action };
    if (!check.ok) {
      refuse(vendor, check.code, check.reason);
      return json(res, 200, { Code: check.code, Message: check.reason, RequestId: requestId });
    }
    const id = accept(vendor, check);
    json(
      res,
      200,
      action === 'SendSms'
        ? { Code: 'OK', Message: 'OK', BizId: id, RequestId: requestId }
        : { Code: 'OK', Message: 'OK', CallId: id, RequestId: requestId },
    );
  }

  async function tencent(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const action = String(req.headers['x-tc-action'] ?? '');
    const vendor: VendorName = action === 'SendTtsVoice' ? 'tencent_voice' : 'tencent_sms';
    const requestId = randomUUID();
    const error = (code: string, message: string) =>
      json(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
    const signature = verifyTc3(
      { method: req.method ?? 'POST', url, headers: req.headers, raw },
      tencentKeys,
      Date.now(),
    );
    if (!signature.ok) {
      refuse(vendor, signature.code, signature.reason);
      return error(signature.code, signature.reason);
    }
    const failure = injected(vendor);
    if (failure === 'hang') return;
    if (failure === 503) return json(res, 503, { error: 'service unavailable' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error('InvalidParameter', 'body is not JSON');
    }
    if (failure && vendor === 'tencent_sms') {
      const phone = (body.PhoneNumberSet as string[] | undefined)?.[0] ?? '';
      return json(res, 200, {
        Response: {
          SendStatusSet: [
            {
              SerialNo: '',
              PhoneNumber: phone,
              Fee: 0,
              SessionContext: body.SessionContext ?? '',
              Code: TENCENT_CODES[failure],
              Message: failure,
              IsoCode: 'CN',
            },
          ],
          RequestId: requestId,
        },
      });
    }
    if (failure) return error(TENCENT_CODES[failure], failure);
    const check =
      action === 'SendSms'
        ? checkTencentSms(body, credentials.tencent.sdkAppId)
        : action === 'SendTtsVoice'
          ? checkTencentVoice(body, credentials.tencent.voiceSdkAppId)
          : { ok: false as const, code: 'InvalidAction', reason: action };
    if (!check.ok) {
      refuse(vendor, check.code, check.reason);
      return error(check.code, check.reason);
    }
    const id = accept(vendor, check);
    if (action === 'SendSms') {
      return json(res, 200, {
        Response: {
          SendStatusSet: [
            {
              SerialNo: id,
              PhoneNumber: check.message.to,
              Fee: 1,
              SessionContext: check.message.reference,
              Code: 'Ok',
              Message: 'send success',
              IsoCode: 'CN',
            },
          ],
          RequestId: requestId,
        },
      });
    }
    json(res, 200, {
      Response: { SendStatus: { CallId: id, SessionContext: check.message.reference }, RequestId: requestId },
    });
  }

  async function apps(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<boolean> {
    const path = url.pathname;
    const q = url.searchParams;
    if (path === '/cgi-bin/gettoken') {
      const ok = q.get('corpid') === credentials.wecom.corpId && q.get('corpsecret') === credentials.wecom.corpSecret;
      json(
        res,
        200,
        ok
          ? { errcode: 0, errmsg: 'ok', access_token: issueToken('wecom'), expires_in: 7200 }
          : { errcode: 40001, errmsg: 'invalid credential' },
      );
      return true;
    }
    if (path === '/gettoken') {
      const ok =
        q.get('appkey') === credentials.dingtalk.appKey && q.get('appsecret') === credentials.dingtalk.appSecret;
      json(
        res,
        200,
        ok
          ? { errcode: 0, errmsg: 'ok', access_token: issueToken('dingtalk'), expires_in: 7200 }
          : { errcode: 40089, errmsg: '不合法的corpid或corpsecret' },
      );
      return true;
    }
    if (path === '/open-apis/auth/v3/tenant_access_token/internal') {
      const body = JSON.parse(raw.toString('utf8') || '{}') as { app_id?: string; app_secret?: string };
      const ok = body.app_id === credentials.feishu.appId && body.app_secret === credentials.feishu.appSecret;
      json(
        res,
        200,
        ok
          ? { code: 0, msg: 'ok', tenant_access_token: `t-${issueToken('feishu')}`, expire: 7200 }
          : { code: 10014, msg: 'app secret invalid' },
      );
      return true;
    }
    const body = (() => {
      try {
        return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    if (path === '/cgi-bin/message/send') {
      if (!tokenOk(q.get('access_token'), 'wecom'))
        return (json(res, 200, { errcode: 42001, errmsg: 'access_token expired' }), true);
      const failure = injected('wecom_app');
      if (failure === 'hang') return true;
      if (failure === 503) return (json(res, 503, {}), true);
      if (failure)
        return (
          json(res, 200, { errcode: APP_CODES.wecom_app[failure][0], errmsg: APP_CODES.wecom_app[failure][1] }),
          true
        );
      const user = String(body.touser ?? '');
      if (String(body.agentid) !== credentials.wecom.agentId)
        return (json(res, 200, { errcode: 40056, errmsg: 'invalid agentid' }), true);
      const card = body.textcard as { title?: string; description?: string; url?: string } | undefined;
      const text = body.text as { content?: string } | undefined;
      if (
        card &&
        (Buffer.byteLength(card.title ?? '') > 128 || Buffer.byteLength(card.description ?? '') > 512 || !card.url)
      ) {
        refuse('wecom_app', '44004', 'textcard too long or without url');
        return (json(res, 200, { errcode: 44004, errmsg: 'empty content or too long' }), true);
      }
      if (!appUsers.has(user))
        return (json(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: user, msgid: '' }), true);
      const shown = card ? `${card.title}\n${card.description}\n${card.url}` : (text?.content ?? '');
      const id = accept('wecom_app', { ok: true, message: { to: user, params: {}, text: shown, reference: '' } });
      json(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: id });
      return true;
    }
    if (path === '/topapi/message/corpconversation/asyncsend_v2') {
      if (!tokenOk(q.get('access_token'), 'dingtalk'))
        return (json(res, 200, { errcode: 88, errmsg: 'access_token expired' }), true);
      const failure = injected('dingtalk_app');
      if (failure === 'hang') return true;
      if (failure === 503) return (json(res, 503, {}), true);
      if (failure)
        return (
          json(res, 200, { errcode: APP_CODES.dingtalk_app[failure][0], errmsg: APP_CODES.dingtalk_app[failure][1] }),
          true
        );
      const user = String(body.userid_list ?? '');
      if (String(body.agent_id) !== credentials.dingtalk.agentId || !appUsers.has(user))
        return (json(res, 200, { errcode: 33012, errmsg: 'invalid userid or agent' }), true);
      const msg = body.msg as { action_card?: { markdown?: string; single_url?: string }; text?: { content?: string } };
      const shown = msg.action_card
        ? `${msg.action_card.markdown}\n${msg.action_card.single_url}`
        : (msg.text?.content ?? '');
      const id = accept('dingtalk_app', { ok: true, message: { to: user, params: {}, text: shown, reference: '' } });
      json(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        task_id: Number.parseInt(id.slice(-6), 16),
        request_id: randomUUID(),
      });
      return true;
    }
    if (path === '/open-apis/im/v1/messages') {
      const bearer = /^Bearer t-(.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? null;
      if (!tokenOk(bearer, 'feishu'))
        return (json(res, 400, { code: 99991663, msg: 'Invalid access token for authorization' }), true);
      const failure = injected('feishu_app');
      if (failure === 'hang') return true;
      if (failure === 503) return (json(res, 503, {}), true);
      if (failure)
        return (
          json(res, 400, { code: APP_CODES.feishu_app[failure][0], msg: APP_CODES.feishu_app[failure][1] }),
          true
        );
      const user = String(body.receive_id ?? '');
      if (q.get('receive_id_type') !== 'user_id' || !appUsers.has(user))
        return (json(res, 400, { code: 230013, msg: 'user not found or out of the app’s range' }), true);
      const content = JSON.parse(String(body.content ?? '{}')) as Record<
        string,
        { title: string; content: { text?: string; href?: string }[][] }
      >;
      const post = Object.values(content)[0];
      const shown = post
        ? [post.title, ...post.content.map((p) => p.map((x) => x.href ?? x.text ?? '').join(''))].join('\n')
        : '';
      const id = accept('feishu_app', {
        ok: true,
        message: { to: user, params: {}, text: shown, reference: String(body.uuid ?? '') },
      });
      json(res, 200, { code: 0, msg: 'success', data: { message_id: id } });
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (req.headers['x-acs-action']) return aliyun(req, res, url, raw);
    if (req.headers['x-tc-action']) return tencent(req, res, url, raw);
    if (!(await apps(req, res, url, raw))) json(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials,
    received,
    refused,
    tokensIssued,
    appUsers,
    failNext(vendor, n, kind) {
      const queue = pending.get(vendor) ?? [];
      for (let i = 0; i < n; i += 1) queue.push(kind);
      pending.set(vendor, queue);
    },
    expireTokens() {
      for (const entry of tokens.values()) entry.until = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { TEMPLATES };
