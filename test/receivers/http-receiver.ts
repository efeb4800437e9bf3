/**
 * One HTTP server on 127.0.0.1 (random port) that plays the generic webhook and the DingTalk,
 * WeCom and Feishu robots, each at its own path. It verifies signatures the way each provider
 * does, answers refusals with the provider's own error JSON, keeps every accepted message (repeats
 * included, so a test can count them), and can be told to fail the next requests. Only Node is
 * needed, so a test in another process can start it and point a real Steady server at it.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDingtalk, checkFeishu, checkWebhook, checkWecom } from './provider-checks.js';
import type { Accepted, CheckConfig, Incoming, Outcome, ReceiverChannel } from './provider-checks.js';

export type { ReceiverChannel } from './provider-checks.js';

/**
 * 500 and 429 are HTTP statuses; 'rate-limit' is the provider's own throttling code (HTTP 429 for
 * the generic webhook); 'refusal' is a provider code that never heals: DingTalk's and Feishu's
 * keyword check, WeCom's invalid key (HTTP 400 for the generic webhook); 'hang' never answers, to
 * exercise timeouts.
 */
export type FailureKind = 500 | 429 | 'rate-limit' | 'refusal' | 'hang';

export interface ReceivedMessage extends Accepted {
  channel: ReceiverChannel;
}

export interface Refused {
  channel: ReceiverChannel;
  status: number;
  reason: string;
}

export interface HttpReceiverOptions {
  /** Per endpoint; a random secret when not given, null to check no signature. */
  secrets?: Partial<Record<'webhook' | 'dingtalk' | 'feishu', string | null>>;
  /** Keywords the DingTalk and Feishu robots require (none by default). */
  keywords?: string[];
  /** The receiver's clock, for timestamp windows. */
  now?: () => number;
}

export interface HttpReceiver {
  baseUrl: string;
  /** The full URL to configure for each channel, credentials included. */
  urls: Record<ReceiverChannel, string>;
  secrets: Record<'webhook' | 'dingtalk' | 'feishu', string | null>;
  received: ReceivedMessage[];
  refused: Refused[];
  /** Fail the next `n` requests to `channel`; `retryAfter` sets a Retry-After header on 429 and 500. */
  failNext(channel: ReceiverChannel, n: number, kind: FailureKind, options?: { retryAfter?: string }): void;
  close(): Promise<void>;
}

const CHECKS: Record<ReceiverChannel, (incoming: Incoming, config: CheckConfig) => Outcome> = {
  webhook: checkWebhook,
  dingtalk: checkDingtalk,
  wecom: checkWecom,
  feishu: checkFeishu,
};

/** The provider's answer to 'rate-limit' and 'refusal', per channel: [HTTP status, body]. */
const PROVIDER_FAILURES: Record<ReceiverChannel, Record<'rate-limit' | 'refusal', [number, object]>> = {
  webhook: { 'rate-limit': [429, { error: 'too many requests' }], refusal: [400, { error: 'rejected' }] },
  dingtalk: {
    'rate-limit': [200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }],
    refusal: [200, { errcode: 310000, errmsg: 'keywords not in content' }],
  },
  wecom: {
    'rate-limit': [200, { errcode: 45009, errmsg: 'api freq out of limit' }],
    refusal: [200, { errcode: 93000, errmsg: 'invalid webhook url' }],
  },
  feishu: {
    'rate-limit': [200, { code: 11232, msg: 'frequency limited', data: {} }],
    refusal: [200, { code: 19024, msg: 'Key Words Not Found', data: {} }],
  },
};

const SUCCESS: Record<ReceiverChannel, object> = {
  webhook: { ok: true },
  dingtalk: { errcode: 0, errmsg: 'ok' },
  wecom: { errcode: 0, errmsg: 'ok' },
  feishu: { code: 0, msg: 'success', data: {} },
};

interface Injected {
  kind: FailureKind;
  retryAfter?: string;
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers with the injected failure instead of the real checks. */
function answerInjected(res: ServerResponse, channel: ReceiverChannel, failure: Injected): void {
  const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
  if (failure.kind === 'hang') return; // closeAllConnections() on close() ends it
  if (failure.kind === 500 || failure.kind === 429) {
    return sendJson(res, failure.kind, { error: 'injected failure' }, headers);
  }
  const [status, body] = PROVIDER_FAILURES[channel][failure.kind];
  sendJson(res, status, body, headers);
}

export async function startHttpReceiver(options: HttpReceiverOptions = {}): Promise<HttpReceiver> {
  const pick = (name: 'webhook' | 'dingtalk' | 'feishu') =>
    options.secrets?.[name] === undefined ? `SEC${randomBytes(16).toString('hex')}` : options.secrets[name];
  const secrets = { webhook: pick('webhook'), dingtalk: pick('dingtalk'), feishu: pick('feishu') };
  const tokens = { dingtalk: randomBytes(16).toString('hex'), wecom: randomBytes(16).toString('hex') };
  const now = options.now ?? Date.now;
  const received: ReceivedMessage[] = [];
  const refused: Refused[] = [];
  const pending: Record<ReceiverChannel, Injected[]> = { webhook: [], dingtalk: [], wecom: [], feishu: [] };

  const configFor = (channel: ReceiverChannel): CheckConfig => ({
    secret: channel === 'wecom' ? null : secrets[channel],
    token: channel === 'dingtalk' ? tokens.dingtalk : tokens.wecom,
    keywords: options.keywords ?? [],
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const channel = url.pathname.slice(1) as ReceiverChannel;
    if (req.method !== 'POST' || !(channel in CHECKS)) return sendJson(res, 404, { error: 'not found' });
    const raw = await readBody(req);
    const failure = pending[channel].shift();
    if (failure) return answerInjected(res, channel, failure);
    const outcome = CHECKS[channel]({ url, headers: req.headers, raw, nowMs: now() }, configFor(channel));
    if (!outcome.ok) {
      refused.push({ channel, status: outcome.status, reason: outcome.reason });
      return sendJson(res, outcome.status, outcome.reply);
    }
    received.push({ channel, ...outcome.accepted });
    sendJson(res, 200, SUCCESS[channel]);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    urls: {
      webhook: `${baseUrl}/webhook`,
      dingtalk: `${baseUrl}/dingtalk?access_token=${tokens.dingtalk}`,
      wecom: `${baseUrl}/wecom?key=${tokens.wecom}`,
      feishu: `${baseUrl}/feishu`,
    },
    secrets,
    received,
    refused,
    failNext(channel, n, kind, failureOptions = {}) {
      for (let i = 0; i < n; i += 1) pending[channel].push({ kind, ...failureOptions });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
