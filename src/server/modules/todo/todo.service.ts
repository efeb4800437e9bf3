import type { MyTodo } from '../../../common/schemas/todo.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { byDue, lateBelow } from './todo.late.js';
import { TODO_SOURCES, type DailyToday } from './todo.sources.js';

/** The daily-reports module's door for one unit's today, as the reporting screen reads it. */
export type DailyTodayPort = (actor: Actor, unitId: string) => Promise<DailyToday>;

/**
 * My to-do: gathers what each module says waits for the person, most urgent first (the earliest
 * deadline; overdue items have the earliest), and what is late below a supervisor. It only reads.
 */
export class TodoService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly dailyToday: DailyTodayPort,
  ) {}

  async forMe(actor: Actor): Promise<MyTodo> {
    const now = this.clock.now();
    // Steady itself has no list; an API token acts as its person and gets theirs.
    if (actor.kind !== 'account') return { at: now.toISOString(), items: [], lateBelow: null };
    const ctx = { db: this.db, actor, now, dailyToday: (unitId: string) => this.dailyToday(actor, unitId) };
    const [lists, late] = await Promise.all([
      Promise.all(TODO_SOURCES.map((source) => source(ctx))),
      lateBelow(this.db, actor, now),
    ]);
    return { at: now.toISOString(), items: lists.flat().sort(byDue), lateBelow: late };
  }
}
