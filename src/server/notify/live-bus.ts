import { EventEmitter } from 'node:events';
import pg from 'pg';

/** Something live screens should re-read: a person's inbox, or an incident in a unit's subtree. */
export type LiveEvent =
  | { kind: 'notification'; personId: string }
  | { kind: 'incident'; incidentId: string; unitPath: string }
  /** A unit's daily report arrived or was marked late or missing: the supervisors' matrix re-reads. */
  | { kind: 'daily-report'; unitId: string; unitPath: string; day: string };

const CHANNEL = 'steady_live';
const RETRY_FIRST_MS = 500;
const RETRY_LAST_MS = 30_000;

/**
 * Fans events out to the server-sent-event streams of this process; on PostgreSQL through
 * LISTEN/NOTIFY, so that a change made on one instance reaches screens connected to another.
 */
export class LiveBus {
  private readonly local = new EventEmitter();
  private listener: pg.Client | undefined;
  private stopped = true;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  /** NOTIFYs go out one after another: pg 9 refuses a query on a client that is already busy. */
  private sending: Promise<unknown> = Promise.resolve();

  constructor(private readonly postgresUrl?: { url: string; schema?: string }) {
    this.local.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (!this.postgresUrl || !this.stopped) return;
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

  /** Call after the change has committed. */
  publish(event: LiveEvent): void {
    const listener = this.listener;
    if (!listener) {
      this.local.emit('event', event);
      return;
    }
    // If PostgreSQL cannot carry it, this instance's own screens still hear of it.
    const send = () => listener.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    this.sending = this.sending.then(send).catch(() => this.local.emit('event', event));
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }

  /** The PostgreSQL backend listening for this instance, while there is one (for tests). */
  get listenerPid(): number | undefined {
    return (this.listener as (pg.Client & { processID?: number }) | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.postgresUrl!.url });
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
      if (message.payload) this.local.emit('event', JSON.parse(message.payload) as LiveEvent);
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
