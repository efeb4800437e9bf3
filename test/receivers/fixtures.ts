/** Messages and helpers the channel tests share. */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { OutgoingMessage } from '../../src/server/notify/channels/channel.js';

let sequence = 0;

/** A zh-CN incident alert with a fresh delivery id; override any field. */
export function incidentMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  sequence += 1;
  return {
    deliveryId: `0190c0de-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    locale: 'zh-CN',
    title: '【突发事件】城关镇中心幼儿园 · 火灾 · Ⅲ级',
    body: '时间：2025-03-12 10:42\n地点：后勤楼一层厨房\n情况：油锅起火，已疏散全部幼儿，无人员伤亡。\n请园长10分钟内确认。',
    link: 'https://steady.example.cn/incidents/42',
    ...overrides,
  };
}

/** A body far over every provider's limit: Chinese (3 bytes each), an emoji (4 bytes) and quotes that JSON escapes. */
export function longBody(): string {
  return Array.from({ length: 800 }, (_, i) => `第${i + 1}行："应急"处置进展 🚒 正常`).join('\n');
}

/** A URL on 127.0.0.1 where nothing listens: a port just released. */
export async function deadUrl(path = '/'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

/** Runs `send` and returns the error it throws, failing when it does not throw. */
export async function failureOf(send: () => Promise<unknown>): Promise<Error> {
  try {
    await send();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the send to fail, and it succeeded');
}
