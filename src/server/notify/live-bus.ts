import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Something live screens should re-read: a person's inbox, or an incident in a unit's subtree. */
export type LiveEvent =
  | { kind: 'notification'; personId: string }
  /** The person changed something (signed, accepted, approved…): their other screens re-read their to-do. */
  | { kind: 'todo'; personId: string }
  | { kind: 'incident'; incidentId: string; unitPath: string }
  /** A unit's daily report arrived or was marked late or missing: the supervisors' matrix re-reads. */
  | { kind: 'daily-report'; unitId: string; unitPath: string; day: string }
  /** A roll call's counts changed (started, marked, closed): the head's and the incident's screens re-read it. */
  | { kind: 'roll-call'; rollCallId: string; unitPath: string };

/** An event with the id that screens resume from (`Last-Event-ID`); the same id on every instance. */
export interface StampedEvent {
  id: string;
  event: LiveEvent;
}

/**
 * What subscribers receive, once per tick: the events in the order every instance sees them, or
 * `resync` when this instance may have missed some (its LISTEN connection dropped), so screens re-read.
 */
export type LiveBatch = { events: StampedEvent[]; resync: false } | { events: []; resync: true };

const CHANNEL = 'steady_live';
const RETRY_FIRST_MS = 500;
const RETRY_LAST_MS = 30_000;
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;
/** Events kept for resumption: enough for minutes of a busy county. */
const RECENT_KEEP = 20_000;

/**
 * Fans events out to the live streams of this process. Events published in one tick travel
 * together: on PostgreSQL as one NOTIFY (split only past the payload limit) on one LISTEN
 * connection per instance. Every instance hears every NOTIFY in commit order, its own included, so
 * all instances keep the same recent history under the same ids, and a screen that reconnects to
 * any instance resumes after the last id it saw.
 */
export class LiveBus {
  private readonly instance = randomBytes(4).toString('hex');
  private counter = 0;
  private readonly subscribers = new Set<(batch: LiveBatch) => void>();
  private outgoing: StampedEvent[] = [];
  private sending = false;
  private incoming: StampedEvent[] = [];
  private recent: StampedEvent[] = [];
  private readonly recentIndex = new Map<string, number>();
  private dropped = 0;
  private listener: pg.Client | undefined;
  private stopped = true;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  private connectedBefore = false;

  constructor(private readonly postgres?: { url: string }) {}

  async start(): Promise<void> {
    if (!this.postgres || !this.stopped) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Call after the change has committed; the event leaves with the others of this tick. */
  publish(event: LiveEvent): void {
    this.outgoing.push({ id: `${this.instance}.${(this.counter++).toString(36)}`, event });
    if (this.outgoing.length === 1 && !this.sending) setImmediate(() => this.flush());
  }

  subscribe(listener: (batch: LiveBatch) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** Where a stream opened now starts: the id of the last event handed on, or a mark before the next one. */
  position(): string {
    return this.recent.at(-1)?.id ?? `${this.instance}.before.${this.dropped + this.recent.length}`;
  }

  /** The events after `lastId`, oldest first; null when that id is not in the recent history. */
  since(lastId: string): StampedEvent[] | null {
    const mark = lastId.startsWith(`${this.instance}.before.`) ? Number(lastId.slice(this.instance.length + 8)) : NaN;
    const next = Number.isInteger(mark) ? mark : (this.recentIndex.get(lastId) ?? NaN) + 1;
    if (!(next >= this.dropped)) return null;
    return this.recent.slice(next - this.dropped);
  }

  /** The PostgreSQL backend listening for this instance, while there is one (for tests). */
  get listenerPid(): number | undefined {
    return (this.listener as (pg.Client & { processID?: number }) | undefined)?.processID;
  }

  /** One NOTIFY statement at a time on the listening connection; what is published meanwhile waits for the next. */
  private flush(): void {
    if (this.sending || this.outgoing.length === 0) return;
    const events = this.outgoing;
    this.outgoing = [];
    const listener = this.listener;
    if (!listener) return this.receive(events);
    const texts = payloads(events);
    const statement = `select ${texts.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ')}`;
    this.sending = true;
    listener
      .query(statement, [CHANNEL, ...texts])
      // If PostgreSQL cannot carry them, this instance's own screens still hear of them.
      .catch(() => this.receive(events))
      .finally(() => {
        this.sending = false;
        this.flush();
      });
  }

  /** Events heard (from NOTIFY or locally) are handed on together once per tick. */
  private receive(events: StampedEvent[]): void {
    if (events.length === 0) return;
    const first = this.incoming.length === 0;
    this.incoming.push(...events);
    if (first) setImmediate(() => this.deliver());
  }

  /** Remembered as they are handed on, so a stream that resumes gets each event once: replayed or live. */
  private deliver(): void {
    const events = this.incoming;
    this.incoming = [];
    for (const stamped of events) {
      this.recentIndex.set(stamped.id, this.dropped + this.recent.length);
      this.recent.push(stamped);
    }
    if (this.recent.length > RECENT_KEEP * 1.5) this.forget(this.recent.length - RECENT_KEEP);
    this.emit({ events, resync: false });
  }

  private emit(batch: LiveBatch): void {
    for (const subscriber of [...this.subscribers]) subscriber(batch);
  }

  private forget(count: number): void {
    for (const old of this.recent.slice(0, count)) this.recentIndex.delete(old.id);
    this.recent = this.recent.slice(count);
    this.dropped += count;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.postgres!.url });
    // A dropped connection (restart, failover, network) is replaced; until then events stay local.
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('notification', (message) => {
      if (message.payload) this.receive(JSON.parse(message.payload) as StampedEvent[]);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      lost();
      return;
    }
    client.once('end', lost);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.retryMs = RETRY_FIRST_MS;
    if (this.connectedBefore) this.missedWhileAway();
    this.connectedBefore = true;
  }

  /** Events of other instances may have gone by unheard: no resuming across the gap; screens re-read. */
  private missedWhileAway(): void {
    this.forget(this.recent.length);
    this.emit({ events: [], resync: true });
  }

  private reconnectLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_LAST_MS);
  }
}

/** JSON arrays of events, each under PostgreSQL's payload limit. */
function payloads(events: StampedEvent[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const stamped of events) {
    const text = JSON.stringify(stamped);
    const bytes = Buffer.byteLength(text) + 1;
    if (part.length > 0 && size + bytes > MAX_PAYLOAD) {
      out.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(text);
    size += bytes;
  }
  if (part.length) out.push(`[${part.join(',')}]`);
  return out;
}
