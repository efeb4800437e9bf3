import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { AccountActor } from '../auth/actor.js';
import * as repo from './notifications.repository.js';

/**
 * The in-app inbox. A person reads and marks only their own notifications: the actor's person is
 * the inbox, so there is no one else's to ask for. The notifier writes the rows (the repository's
 * `insertAll`) in the transaction of whatever it tells.
 */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** One page of the actor's notifications, newest first, with their total and unread counts. */
  async inbox(
    actor: AccountActor,
    page: number,
    pageSize: number,
  ): Promise<{ rows: repo.NotificationRow[]; total: number; unread: number }> {
    const [rows, { total, unread }] = await Promise.all([
      repo.page(this.db, actor.personId, (page - 1) * pageSize, pageSize),
      repo.counts(this.db, actor.personId),
    ]);
    return { rows, total, unread };
  }

  /** Marks the actor's notifications read: those named, or all when `ids` is undefined. */
  async markRead(actor: AccountActor, ids: string[] | undefined): Promise<void> {
    await repo.markRead(this.db, actor.personId, ids, this.clock.now().toISOString());
  }
}
