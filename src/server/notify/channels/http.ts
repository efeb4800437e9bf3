/**
 * One HTTP POST with a deadline, and the HTTP-level half of failure classification shared by the
 * generic webhook and the group robots. Error messages never include the URL: for robots the URL
 * is the credential, and errors end up in logs.
 */
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs `body` as JSON; a network failure or timeout (including reading the reply) is transient. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: HttpOptions,
): Promise<HttpReply> {
  requireHttpUrl(url);
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Steady-Notify/1', ...headers },
      body,
      // A redirect would resend a signed alert to a host nobody configured; treat it as a bad address.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw new TransientDeliveryError(describeFetchError(error, options.timeoutMs), undefined, { cause: error });
  }
}

/** A malformed address would otherwise surface as fetch's TypeError and be retried for ever. */
function requireHttpUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new PermanentDeliveryError('the address is not a valid URL');
  }
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new PermanentDeliveryError(`the address is not http(s) but ${protocol}`);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return `request failed: ${cause ?? (error instanceof Error ? error.message : String(error))}`;
}

/** The wait a 429 or 503 asks for: Retry-After in seconds or as an HTTP date, else Feishu's reset header. */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const value = headers.get('retry-after') ?? headers.get('x-ogw-ratelimit-reset');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** 408, 429 and 5xx will pass on their own; throws the transient error for them. */
export function throwIfTransientStatus(reply: HttpReply, now: Date, who: string): void {
  if (reply.status === 408 || reply.status === 429 || reply.status >= 500) {
    throw new TransientDeliveryError(`${who} answered HTTP ${reply.status}`, retryAfterMs(reply.headers, now));
  }
}

/** Any other status outside 2xx: the address or the request is wrong, and resending changes nothing. */
export function throwIfNotOk(reply: HttpReply, who: string): void {
  if (reply.status < 200 || reply.status > 299) {
    throw new PermanentDeliveryError(`${who} answered HTTP ${reply.status}${snippet(reply.text)}`);
  }
}

/** A short, single-line excerpt of a reply for an error message. */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return line ? `: ${line}` : '';
}

/** The reply as JSON, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A GET with the same deadline and failure rules as postJson (token endpoints). */
export async function getJson(url: string, options: HttpOptions): Promise<HttpReply> {
  requireHttpUrl(url);
  try {
    const response = await options.fetch(url, {
      headers: { 'user-agent': 'Steady-Notify/1' },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw new TransientDeliveryError(describeFetchError(error, options.timeoutMs), undefined, { cause: error });
  }
}
