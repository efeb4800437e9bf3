/**
 * E-mail over SMTP through nodemailer. One connection per message (no pool): alerts are few, and
 * a fresh connection cannot be a stale one left half-open by a server restart.
 */
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { PermanentDeliveryError, TransientDeliveryError, addressFor } from './channel.js';
import type { Address, Channel, OutgoingMessage, SendResult } from './channel.js';
import { markedTitleAndBody } from './compose.js';

export interface SmtpOptions {
  /** smtp://user:pass@host:port (STARTTLS when offered), or smtps:// for TLS from the start. */
  url: string;
  /** The From header, e.g. `Steady <alerts@school.example>`. */
  from: string;
}

/**
 * Nodemailer codes that carry no SMTP reply and mean the message or the configuration is wrong;
 * every other reply-less error is the connection failing, which may pass.
 */
const PERMANENT_WITHOUT_REPLY = new Set([
  'EENVELOPE',
  'EMESSAGE',
  'ECONFIG',
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'EREQUIRETLS',
  'EMAXRECIPIENTS',
  'EFILEACCESS',
  'EURLACCESS',
]);

/**
 * RFC 5321: a 4yz reply is transient, a 5yz permanent, except 503 (bad sequence of commands),
 * which is about the session, not the message, and can pass on a new connection.
 */
export function classifySmtpError(error: unknown): Error {
  const failure = (error ?? {}) as NodemailerError;
  const text = `SMTP: ${failure.message ?? String(error)}`;
  const options = { cause: error };
  if (typeof failure.responseCode === 'number') {
    const permanent = failure.responseCode >= 500 && failure.responseCode <= 599 && failure.responseCode !== 503;
    return permanent ? new PermanentDeliveryError(text, options) : new TransientDeliveryError(text, undefined, options);
  }
  if (failure.code && PERMANENT_WITHOUT_REPLY.has(failure.code)) return new PermanentDeliveryError(text, options);
  return new TransientDeliveryError(text, undefined, options);
}

export function emailChannel(smtp: SmtpOptions | undefined, timeoutMs: number): Channel {
  const transport = smtp
    ? nodemailer.createTransport({
        url: smtp.url,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      })
    : undefined;
  return {
    name: 'email',
    async send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult> {
      const { to } = addressFor(address, 'email');
      if (!transport || !smtp) throw new PermanentDeliveryError('e-mail is not configured (no SMTP URL)');
      const { title, body } = markedTitleAndBody(message);
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to,
          subject: title,
          text: message.link ? `${body}\n\n${message.link}` : body,
          date: now,
          messageId: `<${message.deliveryId}@steady>`,
          headers: { 'X-Steady-Delivery': message.deliveryId },
        });
        return { providerId: info.response, delivered: true };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
  };
}
