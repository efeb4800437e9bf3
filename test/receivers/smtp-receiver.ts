/**
 * An SMTP server for tests: 127.0.0.1, a random port, no TLS, no authentication. It keeps every
 * message it accepts and can be told to refuse the next ones, as a real server does, with a
 * 4xx (try later) or a 5xx (never) reply. Importable from any test process.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail } from './mime.js';

export interface ReceivedMail {
  messageId: string | undefined;
  deliveryId: string | undefined;
  subject: string | undefined;
  from: string | undefined;
  to: string[];
  /** The decoded text body. */
  text: string;
  headers: Map<string, string>;
}

/** A refusal: the reply code, and whether it comes at RCPT TO (a mailbox problem) or after DATA. */
export interface Refusal {
  code: number;
  stage?: 'rcpt' | 'data';
}

export interface SmtpReceiver {
  /** smtp://127.0.0.1:<port>, for the e-mail channel. */
  url: string;
  messages: ReceivedMail[];
  /** Refuse the next `n` messages with the given reply (RCPT TO unless `stage` says otherwise). */
  rejectNext(n: number, refusal: Refusal): void;
  close(): Promise<void>;
}

const REPLY_TEXT: Record<string, string> = {
  '4': 'Requested action aborted: try again later',
  '5': 'Mailbox unavailable',
};

function refusalError(code: number): Error & { responseCode: number } {
  const text = REPLY_TEXT[String(code).charAt(0)] ?? 'Refused';
  return Object.assign(new Error(text), { responseCode: code });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const refusals: Refusal[] = [];
  const refusalAt = (stage: 'rcpt' | 'data'): Refusal | undefined =>
    (refusals[0]?.stage ?? 'rcpt') === stage ? refusals.shift() : undefined;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      const refusal = refusalAt('rcpt');
      callback(refusal ? refusalError(refusal.code) : null);
    },
    onData(stream, session, callback) {
      readAll(stream).then((raw) => {
        const refusal = refusalAt('data');
        if (refusal) return callback(refusalError(refusal.code));
        const mail = parseMail(raw);
        messages.push({
          messageId: mail.headers.get('message-id'),
          deliveryId: mail.headers.get('x-steady-delivery'),
          subject: mail.headers.get('subject'),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          text: mail.text,
          headers: mail.headers,
        });
        callback(null);
      }, callback);
    },
  });
  // A sender killed mid-conversation resets its connection; that is the test's point, not a fault.
  server.on('error', () => undefined);
  const listener = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    listener.once('listening', resolve);
    listener.once('error', reject);
  });
  const { port } = listener.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext(n, refusal) {
      for (let i = 0; i < n; i += 1) refusals.push(refusal);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
