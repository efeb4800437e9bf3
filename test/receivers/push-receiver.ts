/**
 * A Web Push service on https://127.0.0.1 (RFC 8030) that a browser would have given Steady a
 * subscription for. It checks the VAPID authorization (RFC 8292: an ES256 JWT whose `aud` is this
 * origin, `exp` within 24 hours, `sub` a mailto: or https: contact, verified with the `k` key),
 * the TTL and encoding headers, and decrypts the aes128gcm payload (RFC 8188 / RFC 8291) with the
 * subscription's private key, as the browser would, so a test reads what the person would see.
 */
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushedMessage {
  subscription: string;
  payload: { title: string; body: string; url: string; tag: string };
  urgency: string | undefined;
  ttl: number;
}

export interface PushReceiver {
  origin: string;
  /** An agent that trusts this service's self-signed certificate. */
  agent: Agent;
  received: PushedMessage[];
  refused: { status: number; reason: string }[];
  /** A new subscription, as PushSubscription.toJSON() gives it. */
  subscribe(): PushSubscriptionJson;
  /** The subscription is gone (the person removed the app): the service answers 410. */
  unsubscribe(endpoint: string): void;
  close(): Promise<void>;
}

const b64u = (data: string) => Buffer.from(data, 'base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: derive the content key and nonce, decrypt the single record. */
export function decryptAes128gcm(body: Buffer, ua: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = ua.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), serverPublic]);
  const ikm = hmac(hmac(authSecret, shared), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  const end = plain.lastIndexOf(2);
  if (end < 0) throw new Error('no padding delimiter');
  return plain.subarray(0, end).toString('utf8');
}

/** RFC 8292: `vapid t=<jwt>, k=<P-256 public key>`; returns the reason it is refused, or null. */
export function checkVapid(header: string | undefined, origin: string, nowMs: number): string | null {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) return 'no vapid authorization';
  const [head, claims, signature] = match[1]!.split('.') as [string, string, string];
  const point = b64u(match[2]!);
  if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 point';
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  if (!verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, b64u(signature)))
    return 'JWT signature does not verify';
  const header_ = JSON.parse(b64u(head).toString()) as { alg?: string };
  const body = JSON.parse(b64u(claims).toString()) as { aud?: string; exp?: number; sub?: string };
  if (header_.alg !== 'ES256') return 'alg is not ES256';
  if (body.aud !== origin) return `aud ${body.aud} is not ${origin}`;
  if (!body.exp || body.exp * 1000 <= nowMs || body.exp * 1000 > nowMs + 24 * 3600_000)
    return 'exp not within 24 hours';
  if (!/^(mailto:|https:)/.test(body.sub ?? '')) return 'sub is not mailto: or https:';
  return null;
}

export async function startPushReceiver(options: { now?: () => number } = {}): Promise<PushReceiver> {
  const now = options.now ?? Date.now;
  const cert = readFileSync(new URL('push-cert.pem', FIXTURES));
  const subscriptions = new Map<string, { ecdh: ECDH; auth: Buffer; gone: boolean }>();
  const received: PushedMessage[] = [];
  const refused: PushReceiver['refused'] = [];
  let origin = '';

  const answer = (res: ServerResponse, status: number, reason?: string) => {
    if (reason) refused.push({ status, reason });
    res.writeHead(status).end();
  };
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = (req.url ?? '').replace(/^\/push\//, '');
    const subscription = subscriptions.get(id);
    if (req.method !== 'POST' || !subscription) return answer(res, 404, 'no such subscription');
    if (subscription.gone) return answer(res, 410, 'subscription expired');
    const problem = checkVapid(req.headers.authorization, origin, now());
    if (problem) return answer(res, 403, problem);
    const ttl = Number(req.headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) return answer(res, 400, 'TTL header missing');
    if (req.headers['content-encoding'] !== 'aes128gcm') return answer(res, 415, 'not aes128gcm');
    const payload = JSON.parse(
      decryptAes128gcm(Buffer.concat(chunks), subscription.ecdh, subscription.auth),
    ) as PushedMessage['payload'];
    received.push({ subscription: id, payload, urgency: req.headers.urgency as string | undefined, ttl });
    res.writeHead(201, { location: `${origin}/message/${randomBytes(8).toString('hex')}` }).end();
  }

  const server: Server = createServer({ cert, key: readFileSync(new URL('push-key.pem', FIXTURES)) }, (req, res) => {
    handle(req, res).catch((error: unknown) => answer(res, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    refused,
    agent: new Agent({ ca: cert }),
    subscribe() {
      const id = randomBytes(12).toString('hex');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { ecdh, auth, gone: false });
      return {
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    unsubscribe(endpoint) {
      const found = subscriptions.get(endpoint.split('/').pop() ?? '');
      if (found) found.gone = true;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
