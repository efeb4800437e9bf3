import type { Container } from '../container.js';
import * as deadlines from '../engine/deadlines.repository.js';
import type { AccountActor } from '../modules/auth/actor.js';
import { accountByPerson, accountByUsername } from '../modules/auth/auth.repository.js';
import type { SettableClock } from './demo-clock.js';

interface Happening {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/**
 * The demo's past, played in order. Each happening is something a person does through a service at
 * a moment; before it, the clock walks to that moment and the deadline engine fires, at its own
 * time, every timer due on the way (reminders, late and missing marks, escalations), exactly as a
 * running server would have. Nothing is written after `end`: a happening due later is dropped, so
 * what would come next is still to do.
 */
export class Timeline {
  private readonly queue: Happening[] = [];
  private seq = 0;
  private readonly actors = new Map<string, AccountActor>();

  constructor(
    private readonly c: Container,
    private readonly clock: SettableClock,
    readonly end: Date,
    /** Runs after each firing of the engine (the history moves the daily planner along with it). */
    private readonly afterTick: () => Promise<void> = async () => {},
  ) {}

  /** Plans `run` at `when` (not before the present moment, not after the end). */
  at(when: Date, run: () => Promise<void>): void {
    const at = Math.max(when.getTime(), this.clock.now().getTime());
    if (at > this.end.getTime()) return;
    const happening = { at, seq: this.seq++, run };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.at > at) i--;
    this.queue.splice(i, 0, happening);
  }

  /** Plays every happening in time order (a happening may plan more), then walks to the end. */
  async play(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      await this.walkTo(new Date(next.at));
      await next.run();
    }
    await this.walkTo(this.end);
  }

  /** Moves the clock to `target`, stopping at each timer due on the way to fire it then. */
  async walkTo(target: Date): Promise<void> {
    for (;;) {
      const due = await deadlines.nextDueAt(this.c.db);
      if (!due || Date.parse(due) > target.getTime()) break;
      this.clock.set(new Date(Math.max(Date.parse(due), this.clock.now().getTime())));
      if ((await this.c.engine.tick()) === 0) break;
      await this.afterTick();
    }
    if (target.getTime() > this.clock.now().getTime()) this.clock.set(target);
  }

  clockNow(): Date {
    return this.clock.now();
  }

  /** The signed-in person behind a sample username, as the services see them. */
  async actor(username: string): Promise<AccountActor> {
    const known = this.actors.get(username);
    if (known) return known;
    const account = await accountByUsername(this.c.db, username);
    if (!account) throw new Error(`no sample account ${username}`);
    const actor = await this.c.auth.actorFor(account, 'zh-CN');
    this.actors.set(username, actor);
    return actor;
  }

  /** The person with this id, acting through their account. */
  async actorOf(personId: string): Promise<AccountActor> {
    const account = await accountByPerson(this.c.db, personId);
    if (!account) throw new Error(`no account for person ${personId}`);
    return this.actor(account.username);
  }

  async personId(username: string): Promise<string> {
    return (await this.actor(username)).personId;
  }
}
