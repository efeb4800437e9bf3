/**
 * The request signatures of Aliyun and Tencent Cloud, checked the way their documentation
 * describes them, independently of the SDKs that make them:
 *
 * - Aliyun ACS3-HMAC-SHA256 (help.aliyun.com "V3 版本请求体&签名机制"): a canonical request of the
 *   method, path, sorted and percent-encoded query, the signed headers (host, content-type, every
 *   x-acs-*) as lower-case `name:value` lines, their names joined by `;`, and the hex SHA-256 of the
 *   body (also sent as x-acs-content-sha256); the string to sign is the algorithm name and the hex
 *   SHA-256 of that; the signature is hex HMAC-SHA256 with the AccessKey secret.
 * - Tencent TC3-HMAC-SHA256 (cloud.tencent.com/document/api/382/52072): the canonical request of
 *   method, path, query, headers and hashed payload; the string to sign names the algorithm, the
 *   timestamp and the scope `date/service/tc3_request`; the key is derived by HMAC chaining
 *   "TC3"+SecretKey → date → service → "tc3_request".
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SignedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

export type Verdict = { ok: true; accessKeyId: string } | { ok: false; code: string; reason: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};
/** RFC 3986 percent-encoding, as both vendors require in canonical queries. */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function verifyAcs3(req: SignedRequest, secrets: Map<string, string>, nowMs: number): Verdict {
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    header(req.headers, 'authorization'),
  );
  if (!auth) return { ok: false, code: 'IncompleteSignature', reason: 'no ACS3-HMAC-SHA256 authorization' };
  const [, keyId, signedList, signature] = auth as unknown as [string, string, string, string];
  const secret = secrets.get(keyId);
  if (!secret) return { ok: false, code: 'InvalidAccessKeyId.NotFound', reason: `unknown AccessKey ${keyId}` };
  const signed = signedList.split(';');
  const required = [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ];
  const names = Object.keys(req.headers)
    .filter((n) => n === 'host' || n === 'content-type' || n.startsWith('x-acs-'))
    .sort();
  if (required.some((n) => !signed.includes(n)) || names.join(';') !== signed.join(';')) {
    return {
      ok: false,
      code: 'IncompleteSignature',
      reason: `signed headers ${signedList} do not cover ${names.join(';')}`,
    };
  }
  const payloadHash = sha256(req.raw);
  if (header(req.headers, 'x-acs-content-sha256') !== payloadHash)
    return { ok: false, code: 'SignatureDoesNotMatch', reason: 'body hash differs' };
  const date = Date.parse(header(req.headers, 'x-acs-date'));
  if (!Number.isFinite(date) || Math.abs(nowMs - date) > 15 * 60_000)
    return { ok: false, code: 'InvalidTimeStamp.Expired', reason: 'x-acs-date too far from now' };
  const query = [...req.url.searchParams.entries()]
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = signed.map((n) => `${n}:${header(req.headers, n).trim()}\n`).join('');
  const canonical = [req.method, req.url.pathname || '/', query, canonicalHeaders, signed.join(';'), payloadHash].join(
    '\n',
  );
  const expected = createHmac('sha256', secret)
    .update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`)
    .digest('hex');
  return expected === signature
    ? { ok: true, accessKeyId: keyId }
    : { ok: false, code: 'SignatureDoesNotMatch', reason: 'signature differs' };
}

const TC3_AUTHORIZATION = new RegExp(
  '^TC3-HMAC-SHA256 Credential=([^/]+)\\/(\\d{4}-\\d{2}-\\d{2})\\/([a-z]+)\\/tc3_request, ' +
    'SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$',
);

export function verifyTc3(req: SignedRequest, secrets: Map<string, string>, nowMs: number): Verdict {
  const auth = TC3_AUTHORIZATION.exec(header(req.headers, 'authorization'));
  if (!auth) return { ok: false, code: 'AuthFailure.SignatureFailure', reason: 'no TC3-HMAC-SHA256 authorization' };
  const [, secretId, date, service, signedList, signature] = auth as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const secret = secrets.get(secretId);
  if (!secret) return { ok: false, code: 'AuthFailure.SecretIdNotFound', reason: `unknown SecretId ${secretId}` };
  const host = header(req.headers, 'host');
  if (host.replace(/:\d+$/, '').split('.')[0] !== service)
    return {
      ok: false,
      code: 'AuthFailure.SignatureFailure',
      reason: `scope service ${service} is not the host's ${host}`,
    };
  const timestamp = Number(header(req.headers, 'x-tc-timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(nowMs / 1000 - timestamp) > 300)
    return { ok: false, code: 'AuthFailure.SignatureExpire', reason: 'timestamp too far from now' };
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date)
    return { ok: false, code: 'AuthFailure.SignatureFailure', reason: 'scope date is not the timestamp’s UTC date' };
  const signed = signedList.split(';');
  if (!signed.includes('content-type') || !signed.includes('host'))
    return { ok: false, code: 'AuthFailure.SignatureFailure', reason: 'content-type and host must be signed' };
  // The host is signed by name: the real endpoints listen on 443, so the SDK leaves any port out.
  const value = (n: string) =>
    (n === 'host' ? header(req.headers, n).replace(/:\d+$/, '') : header(req.headers, n)).trim().toLowerCase();
  const canonicalHeaders = signed.map((n) => `${n}:${value(n)}\n`).join('');
  const canonical = [
    req.method,
    req.url.pathname || '/',
    req.url.search.replace(/^\?/, ''),
    canonicalHeaders,
    signedList,
    sha256(req.raw),
  ].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(`TC3${secret}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  return expected === signature
    ? { ok: true, accessKeyId: secretId }
    : { ok: false, code: 'AuthFailure.SignatureFailure', reason: 'signature differs' };
}
