/**
 * Many live-board clients in one process of their own (forked with IPC by bench/live-fanout):
 * `open` connects `count` server-sent-event streams spread over the bases (127.0.0.1 only) and
 * answers when every stream has started; each `incident` event's arrival time (epoch ms) is kept
 * per incident id; `report` sends them back; `close` ends every stream and exits.
 *
 * This process shares the cores with the servers measured, so a stream costs it as little as can
 * be while events arrive: a plain TCP socket (no HTTP parser or body stream per connection) whose
 * chunks are kept as they come with their arrival time; the HTTP response is read (status,
 * chunked framing or not) and its events parsed only at `report`.
 */
import { connect as tcp, type Socket } from 'node:net';

interface OpenMessage {
  cmd: 'open';
  bases: string[];
  cookie: string;
  count: number;
}
type Message = OpenMessage | { cmd: 'report' } | { cmd: 'close' };

/** What one stream received: each chunk of the connection as it came, with its arrival time (epoch ms). */
interface Received {
  at: number[];
  chunks: Buffer[];
}

const received: Received[] = [];
const sockets: Socket[] = [];
let dropped = 0;
const now = () => performance.timeOrigin + performance.now();

function connect(base: string, cookie: string): Promise<void> {
  const target = new URL(base);
  if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error(`only 127.0.0.1, not ${base}`);
  return new Promise((resolve, reject) => {
    const socket = tcp({ host: target.hostname, port: Number(target.port) }, () =>
      socket.write(`GET /api/v1/live HTTP/1.1\r\nHost: ${target.host}\r\nCookie: ${cookie}\r\n\r\n`),
    );
    const mine: Received = { at: [], chunks: [] };
    socket.on('data', (chunk: Buffer) => {
      if (mine.chunks.length === 0) {
        const status = chunk.toString('latin1', 0, 12);
        if (status !== 'HTTP/1.1 200') return reject(new Error(`live stream: ${chunk.toString('latin1', 0, 80)}`));
        received.push(mine);
      }
      mine.at.push(now());
      mine.chunks.push(chunk);
      resolve(); // the stream's first bytes (headers, ": connected") say it is open, in any version
    });
    socket.on('error', reject);
    socket.on('close', () => (dropped += 1));
    sockets.push(socket);
  });
}

/** Each incident event's arrival time per incident id: the arrival of the chunk that completed it. */
function arrivals(): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const { at, chunks } of received) {
    const raw = Buffer.concat(chunks);
    const ends: number[] = [];
    for (const c of chunks) ends.push((ends.at(-1) ?? 0) + c.length);
    let chunk = 0;
    const arrivedAt = (rawOffset: number) => {
      while (ends[chunk]! <= rawOffset) chunk += 1;
      return at[chunk]!;
    };
    for (const { block, rawEnd } of events(raw)) {
      if (!block.includes('event: incident')) continue;
      const id = /"incidentId":"([^"]+)"/.exec(block)?.[1];
      if (id) (out[id] ??= []).push(arrivedAt(rawEnd));
    }
  }
  return out;
}

/** The event blocks of a raw HTTP response, each with the offset in `raw` of its last byte. */
function* events(raw: Buffer): Generator<{ block: string; rawEnd: number }> {
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = raw.toString('latin1', 0, headEnd);
  // The body's pieces as ranges of `raw`: one, or one per chunk of a chunked body.
  const pieces: [number, number][] = [];
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) pieces.push([headEnd + 4, raw.length]);
  else {
    for (let at = headEnd + 4; ;) {
      const line = raw.indexOf('\r\n', at);
      const size = line < 0 ? 0 : parseInt(raw.toString('latin1', at, line), 16);
      if (!size || line + 2 + size > raw.length) break;
      pieces.push([line + 2, line + 2 + size]);
      at = line + 2 + size + 2;
    }
  }
  const body = Buffer.concat(pieces.map(([start, end]) => raw.subarray(start, end)));
  const toRaw = (offset: number) => {
    for (const [start, end] of pieces) {
      if (offset < end - start) return start + offset;
      offset -= end - start;
    }
    return raw.length - 1;
  };
  for (let from = 0; ;) {
    const end = body.indexOf('\n\n', from);
    if (end < 0) return;
    yield { block: body.toString('utf8', from, end), rawEnd: toRaw(end + 1) };
    from = end + 2;
  }
}

process.on('message', async (message: Message) => {
  if (message.cmd === 'open') {
    let next = 0;
    // A hundred at a time, so the listen backlog is not overrun.
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        for (let i = next++; i < message.count; i = next++)
          await connect(message.bases[i % message.bases.length]!, message.cookie);
      }),
    );
    process.send!({ opened: message.count });
  } else if (message.cmd === 'report') {
    process.send!({ arrivals: arrivals(), dropped });
  } else {
    sockets.forEach((s) => s.destroy());
    process.exit(0);
  }
});
