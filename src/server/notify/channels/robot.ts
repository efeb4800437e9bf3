/**
 * What the three group robots share: they answer HTTP 200 with a JSON result code even when they
 * refuse a message, so a send is judged on the HTTP status first and on the code after it.
 */
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import { parseJson, snippet, throwIfNotOk, throwIfTransientStatus } from './http.js';
import type { HttpReply } from './http.js';

export type Verdict = { retry: true; retryAfterMs?: number } | { retry: false };

export interface RobotResult {
  code: number;
  message: string;
}

export interface RobotDialect {
  /** The provider's name in error messages. */
  who: string;
  /** Where the provider puts its result: `errcode`/`errmsg` or `code`/`msg`. */
  codeKey: string;
  messageKey: string;
  /** How a non-zero code should be treated. */
  judge(result: RobotResult): Verdict;
}

export function readResult(json: unknown, dialect: RobotDialect): RobotResult | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const code = record[dialect.codeKey];
  if (typeof code !== 'number') return undefined;
  const message = record[dialect.messageKey];
  return { code, message: typeof message === 'string' ? message : '' };
}

/** Returns when the robot took the message; throws the transient or permanent error otherwise. */
export function checkRobotReply(reply: HttpReply, now: Date, dialect: RobotDialect): void {
  throwIfTransientStatus(reply, now, dialect.who);
  const result = readResult(parseJson(reply.text), dialect);
  if (!result) {
    throwIfNotOk(reply, dialect.who);
    // A 200 page without a code is not a robot at all (a portal, a typo'd host): a bad address.
    throw new PermanentDeliveryError(`${dialect.who} answered without a result code${snippet(reply.text)}`);
  }
  if (result.code === 0) {
    throwIfNotOk(reply, dialect.who);
    return;
  }
  const verdict = dialect.judge(result);
  const text = `${dialect.who} error ${result.code}: ${result.message}`;
  throw verdict.retry ? new TransientDeliveryError(text, verdict.retryAfterMs) : new PermanentDeliveryError(text);
}
