import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AccountActor } from '../modules/auth/actor.js';
import type { LiveBatch, LiveBus, LiveEvent, StampedEvent } from './live-bus.js';

/** Comments sent to every open stream, so proxies and browsers keep idle connections open. */
const HEARTBEAT_MS = 20_000;
/**
 * Output a stream may have waiting unsent before it counts as too slow to keep up: it is closed
 * rather than buffered without end or allowed to hold others back; its browser reconnects and resumes.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

interface Stream {
  res: ServerResponse;
  /**
   * The connection, once the headers are out on it: the body is close-delimited (not chunked), so
   * frames go straight to the socket without the per-write work of the HTTP response machinery.
   * Null when the response waited behind an earlier one on the same connection (pipelining): such a
   * stream goes on writing through the response.
   */
  socket: Socket | null;
  personId: string;
  /** The units where the person holds roles: they see events of these units and everything below. */
  unitIds: string[];
}

/**
 * The server-sent-event streams of this instance. Each batch from the bus is matched to its
 * audience through two indexes — by person for inbox events, by scope unit for a unit's events
 * (an event's unit path names every unit above it) — so no query runs per event, and each stream
 * gets one write per batch with all of its events. Streams that get the same events (typically every
 * stream of one audience) share one encoded buffer, written as is to each of their sockets.
 */
export class LiveStreams {
  private readonly streams = new Set<Stream>();
  private readonly byPerson = new Map<string, Set<Stream>>();
  private readonly byUnit = new Map<string, Set<Stream>>();
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Streams closed for being too slow, since start (for benchmarks and logs). */
  slowDropped = 0;

  constructor(private readonly bus: LiveBus) {}

  get open(): number {
    return this.streams.size;
  }

  /** Starts a stream on `res`; with `lastEventId`, first what was missed since then (or `resync`). */
  add(res: ServerResponse, actor: AccountActor, lastEventId: string | undefined): void {
    this.listen();
    // An event stream ends only when its connection does, so its body needs no chunk framing: Node
    // then sends `connection: close` and the body runs to the end of the connection (HTTP/1.1 §6.3).
    res.useChunkedEncodingByDefault = false;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    const stream: Stream = {
      res,
      socket: null,
      personId: actor.personId,
      unitIds: actor.scopes.map((s) => s.unitId),
    };
    index(this.byPerson, stream.personId, stream);
    for (const unitId of stream.unitIds) index(this.byUnit, unitId, stream);
    this.streams.add(stream);
    res.on('close', () => this.remove(stream));
    let first = ': connected\n\n';
    if (lastEventId) {
      const missed = this.bus.since(lastEventId);
      first +=
        missed === null
          ? RESYNC
          : missed
              .filter((e) => this.audience(e.event).has(stream))
              .map(frame)
              .join('');
    }
    // The position to resume from, even when nothing was sent yet. This first write carries the headers.
    res.write(`${first}id: ${this.bus.position()}\nevent: ready\ndata: {}\n\n`);
    stream.socket = res.socket;
  }

  /** Ends every stream (the server is stopping). */
  closeAll(): void {
    for (const stream of [...this.streams]) stream.res.end();
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.bus.subscribe((batch) => this.onBatch(batch));
    this.heartbeat = setInterval(() => this.streams.forEach((s) => this.write(s, HEARTBEAT)), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private onBatch(batch: LiveBatch): void {
    if (batch.resync) {
      for (const stream of [...this.streams]) this.write(stream, RESYNC);
      return;
    }
    const root = new Outgoing('');
    const out = new Map<Stream, Outgoing>();
    batch.events.forEach((stamped, i) => {
      const text = frame(stamped);
      for (const stream of this.audience(stamped.event)) out.set(stream, (out.get(stream) ?? root).followedBy(i, text));
    });
    for (const [stream, outgoing] of out) this.write(stream, outgoing.bytes());
  }

  private audience(event: LiveEvent): Set<Stream> {
    if (event.kind === 'notification' || event.kind === 'todo') return this.byPerson.get(event.personId) ?? EMPTY;
    const found = new Set<Stream>();
    for (const unitId of event.unitPath.split('/')) {
      if (unitId) this.byUnit.get(unitId)?.forEach((s) => found.add(s));
    }
    return found;
  }

  private write(stream: Stream, bytes: Buffer): void {
    // Once frames go straight to the socket, what waits unsent is in the socket's buffer alone.
    const waiting = stream.socket ? stream.socket.writableLength : stream.res.writableLength;
    if (waiting > MAX_BUFFERED_BYTES) {
      this.slowDropped += 1;
      stream.res.destroy();
      this.remove(stream);
      return;
    }
    if (!stream.socket) stream.res.write(bytes);
    // A socket already ending is about to close, and its stream to be removed.
    else if (stream.socket.writable) stream.socket.write(bytes);
  }

  private remove(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    unindex(this.byPerson, stream.personId, stream);
    for (const unitId of stream.unitIds) unindex(this.byUnit, unitId, stream);
  }
}

const EMPTY: Set<Stream> = new Set();
const RESYNC = Buffer.from('event: resync\ndata: {}\n\n');
const HEARTBEAT = Buffer.from(': keep-alive\n\n');

/**
 * What a stream is sent in one batch: the frames of the events it is in the audience of, in order.
 * Streams with the same events reach the same Outgoing (a path through the batch's events), so the
 * text is joined and encoded once per distinct sequence, not once per stream.
 */
class Outgoing {
  private readonly next = new Map<number, Outgoing>();
  private encoded: Buffer | undefined;

  constructor(private readonly text: string) {}

  /** The same frames followed by event `index`'s. */
  followedBy(index: number, frame: string): Outgoing {
    let next = this.next.get(index);
    if (!next) this.next.set(index, (next = new Outgoing(this.text + frame)));
    return next;
  }

  bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text));
  }
}

function frame({ id, event }: StampedEvent): string {
  const data =
    event.kind === 'incident'
      ? { incidentId: event.incidentId }
      : event.kind === 'roll-call'
        ? { rollCallId: event.rollCallId }
        : event.kind === 'reunification'
          ? { reunificationId: event.reunificationId }
          : {};
  return `id: ${id}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`;
}

function index(map: Map<string, Set<Stream>>, key: string, stream: Stream): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(stream);
}

function unindex(map: Map<string, Set<Stream>>, key: string, stream: Stream): void {
  const set = map.get(key);
  set?.delete(stream);
  if (set?.size === 0) map.delete(key);
}
