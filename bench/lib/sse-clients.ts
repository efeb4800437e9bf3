/**
 * Many live-board clients in one process of their own (forked with IPC by bench/live-fanout):
 * `open` connects `count` server-sent-event streams spread over the bases (127.0.0.1 only) and
 * answers when every stream has started; each `incident` event's arrival time (epoch ms) is kept
 * per incident id; `report` sends them back; `close` ends every stream and exits.
 */
import { request, type ClientRequest } from 'node:http';

interface OpenMessage {
  cmd: 'open';
  bases: string[];
  cookie: string;
  count: number;
}
type Message = OpenMessage | { cmd: 'report' } | { cmd: 'close' };

const arrivals = new Map<string, number[]>();
const requests: ClientRequest[] = [];
let dropped = 0;
const now = () => performance.timeOrigin + performance.now();

function connect(base: string, cookie: string): Promise<void> {
  const target = new URL(base);
  if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error(`only 127.0.0.1, not ${base}`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: '/api/v1/live', headers: { cookie } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`live stream: ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          resolve(); // the stream's first bytes (": connected") say it is open, in any version
          buffer += chunk;
          const blocks = buffer.split('\n\n');
          buffer = blocks.pop()!;
          for (const block of blocks) {
            if (!block.includes('event: incident')) continue;
            const id = /"incidentId":"([^"]+)"/.exec(block)?.[1];
            if (!id) continue;
            let list = arrivals.get(id);
            if (!list) arrivals.set(id, (list = []));
            list.push(now());
          }
        });
        res.on('close', () => (dropped += 1));
      },
    );
    req.on('error', reject);
    req.end();
    requests.push(req);
  });
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
    process.send!({ arrivals: Object.fromEntries(arrivals), dropped });
  } else {
    requests.forEach((r) => r.destroy());
    process.exit(0);
  }
});
