import { DateTime } from 'luxon';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { MessageKey } from '../../lib/messages.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import { unitLocale } from './checklists.service.js';
import { holders, type TaskWithNames } from './rectification.repository.js';
import type { Role } from '../../../common/org.js';

const MANAGERS: Role[] = ['safety_officer', 'accountable_head'];

/**
 * What people hear about a rectification task, in the unit's language. Handlers and services call
 * these inside their transaction; the notifier writes the notification and its deliveries there.
 */
export class TaskNotices {
  constructor(private readonly notifier: Notifier) {}

  private async say(
    tx: Executor,
    afterCommit: AfterCommit,
    people: string[],
    task: TaskWithNames,
    kind: string,
    title: MessageKey,
    body: MessageKey,
    params: Record<string, string | number>,
    now: Date,
  ): Promise<void> {
    const locale = unitLocale(task.unit_locale);
    const all = {
      unit: task.unit_name,
      title: task.title.slice(0, 80),
      owner: task.owner_name,
      due: this.due(task),
      supervisor: task.supervising_unit_name ?? '',
      ...params,
    };
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      {
        kind,
        locale,
        link: `/inspections/tasks/${task.id}`,
        title: say(title, all),
        body: say(body, all),
      },
      now,
    );
  }

  private due(task: TaskWithNames): string {
    return DateTime.fromISO(task.due_at).setZone(task.unit_time_zone).toFormat('yyyy-MM-dd HH:mm');
  }

  /** The owner learns of the task, unless they made it themselves. */
  async assigned(tx: Executor, afterCommit: AfterCommit, task: TaskWithNames, actor: Actor, now: Date): Promise<void> {
    if (actor.kind === 'account' && actor.personId === task.owner_person_id) return;
    await this.say(
      tx,
      afterCommit,
      [task.owner_person_id],
      task,
      'rectification.assigned',
      'rectification.assignedTitle',
      'rectification.assignedBody',
      {},
      now,
    );
  }

  /** Those who verify: the managers of the unit that decides (the supervising one, if any). */
  async fixed(tx: Executor, afterCommit: AfterCommit, task: TaskWithNames, now: Date): Promise<void> {
    const people = (await holders(tx, task.supervising_unit_id ?? task.unit_id, MANAGERS)).filter(
      (p) => p !== task.owner_person_id,
    );
    await this.say(
      tx,
      afterCommit,
      people,
      task,
      'rectification.fixed',
      'rectification.fixedTitle',
      'rectification.fixedBody',
      {},
      now,
    );
  }

  async rejected(tx: Executor, afterCommit: AfterCommit, task: TaskWithNames, note: string, now: Date): Promise<void> {
    await this.say(
      tx,
      afterCommit,
      [task.owner_person_id],
      task,
      'rectification.rejected',
      'rectification.rejectedTitle',
      'rectification.rejectedBody',
      { note: note || '—' },
      now,
    );
  }

  async supervised(tx: Executor, afterCommit: AfterCommit, task: TaskWithNames, now: Date): Promise<void> {
    const people = [task.owner_person_id, ...(await holders(tx, task.unit_id, MANAGERS))];
    await this.say(
      tx,
      afterCommit,
      people,
      task,
      'rectification.supervised',
      'rectification.supervisedTitle',
      'rectification.supervisedBody',
      {},
      now,
    );
  }

  /** Past the deadline: the owner, the unit's safety officer and accountable head (and a supervising unit's). */
  async overdue(tx: Executor, afterCommit: AfterCommit, task: TaskWithNames, now: Date): Promise<void> {
    const people = [task.owner_person_id, ...(await holders(tx, task.unit_id, MANAGERS))];
    if (task.supervising_unit_id) people.push(...(await holders(tx, task.supervising_unit_id, ['safety_officer'])));
    await this.say(
      tx,
      afterCommit,
      people,
      task,
      'rectification.overdue',
      'rectification.overdueTitle',
      'rectification.overdueBody',
      {},
      now,
    );
  }

  /** Still open days after the deadline: the parent unit's safety officer hears of it. */
  async escalated(
    tx: Executor,
    afterCommit: AfterCommit,
    task: TaskWithNames,
    parentId: string,
    days: number,
    now: Date,
  ): Promise<void> {
    await this.say(
      tx,
      afterCommit,
      await holders(tx, parentId, ['safety_officer']),
      task,
      'rectification.escalated',
      'rectification.escalatedTitle',
      'rectification.escalatedBody',
      { days },
      now,
    );
  }
}
