import { randomBytes, randomFillSync } from 'node:crypto';

let lastMs = -1;
let sequence = 0;

/*
 * Random bytes drawn from the system's generator in batches, as crypto.randomUUID does: a call
 * for each id cost several microseconds, and a write makes tens of ids. Each id takes 16 fresh
 * bytes of the batch, never used again.
 */
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let poolAt = pool.length;

function freshBytes(): Buffer {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 16;
  return pool.subarray(poolAt - 16, poolAt);
}

/**
 * A UUID version 7: time-ordered, so new rows land at the end of an index, and not guessable,
 * so a unit's id says nothing about its neighbours. Ids made in the same millisecond by this
 * process count up in the 12 `rand_a` bits (RFC 9562 §6.2, method 1), so they sort in the order
 * they were made — a timeline written in one transaction reads in order.
 */
export function newId(now: number = Date.now()): string {
  const bytes = freshBytes();
  if (now === lastMs && sequence < 0xfff) sequence += 1;
  else {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x7ff;
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random secret for sessions, tokens and private links, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
