import { EventEmitter } from 'node:events';
import pg from 'pg';

/** Something live screens should re-read: a person's inbox, or an incident in a unit's subtree. */
export type LiveEvent =
  | { kind: 'notification'; personId: string }
  | { kind: 'incident'; incidentId: string; unitPath: string }
  /** A unit's daily report arrived or was marked late or missing: the supervisors' matrix re-reads. */
  | { kind: 'daily-report'; unitId: string; unitPath: string; day: string };

const CHANNEL = 'steady_live';

/**
 * Fans events out to the server-sent-event streams of this process; on PostgreSQL through
 * LISTEN/NOTIFY, so that a change made on one instance reaches screens connected to another.
 */
export class LiveBus {
  private readonly local = new EventEmitter();
  private listener: pg.Client | undefined;

  constructor(private readonly postgresUrl?: { url: string; schema?: string }) {
    this.local.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (!this.postgresUrl || this.listener) return;
    const client = new pg.Client({ connectionString: this.postgresUrl.url });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    client.on('notification', (message) => {
      if (message.payload) this.local.emit('event', JSON.parse(message.payload) as LiveEvent);
    });
    client.on('error', () => undefined);
    this.listener = client;
  }

  async stop(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Call after the change has committed. */
  publish(event: LiveEvent): void {
    if (this.listener) void this.listener.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch(() => undefined);
    else this.local.emit('event', event);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }
}
