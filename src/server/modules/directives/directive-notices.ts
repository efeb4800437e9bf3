import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { Role } from '../../../common/org.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { MessageKey } from '../../lib/messages.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import * as peoplePort from '../people/people.read-port.js';
import type { DirectiveRow } from './directives.repository.js';

/** Who hears of a directive in a target unit: its head, safety officer (the office) and duty leader. */
export const DIRECTIVE_ROLES: readonly Role[] = ['accountable_head', 'safety_officer', 'duty_leader'];

export interface NoticeUnit {
  id: string;
  name: string;
  locale: string;
  time_zone: string;
}

const localeOf = (unit: { locale: string }): Locale => (unit.locale === 'en' ? 'en' : 'zh-CN');

/** Messages about directives, each phrased in the language of the unit it goes to. */
export class DirectiveNotices {
  constructor(private readonly notifier: Notifier) {}

  private async people(tx: Executor, unitId: string): Promise<string[]> {
    const lists = await Promise.all(DIRECTIVE_ROLES.map((role) => peoplePort.personIdsWithRole(tx, unitId, role)));
    return [...new Set(lists.flat())];
  }

  /** Tells each target unit's people; `when` is formatted in each unit's own zone. */
  async toUnits(
    tx: Executor,
    afterCommit: AfterCommit,
    now: Date,
    directive: Pick<DirectiveRow, 'id' | 'title' | 'kind'> & { sender: string },
    units: NoticeUnit[],
    kind: string,
    body: MessageKey,
    when: string | null,
  ): Promise<void> {
    for (const unit of units) {
      const locale = localeOf(unit);
      const due = when ? DateTime.fromISO(when).setZone(unit.time_zone).toFormat('yyyy-MM-dd HH:mm') : '';
      await this.notifier.tell(
        tx,
        afterCommit,
        await this.people(tx, unit.id),
        {
          kind,
          locale,
          link: `/directives/${directive.id}`,
          title: say('directive.noticeTitle', {
            kind: say(directive.kind === 'notice' ? 'directive.kind.notice' : 'directive.kind.directive'),
            sender: directive.sender,
            title: directive.title,
          }),
          body: say(body, { due, unit: unit.name }),
        },
        now,
      );
    }
  }

  /** Tells the person who sent it. */
  async toSender(
    tx: Executor,
    afterCommit: AfterCommit,
    now: Date,
    directive: Pick<DirectiveRow, 'id' | 'title' | 'sender_person_id'>,
    sender: NoticeUnit,
    kind: string,
    title: MessageKey,
    body: string,
  ): Promise<void> {
    if (!directive.sender_person_id) return;
    const locale = localeOf(sender);
    await this.notifier.tell(
      tx,
      afterCommit,
      [directive.sender_person_id],
      {
        kind,
        locale,
        link: `/directives/${directive.id}`,
        title: say(title, { title: directive.title }),
        body,
      },
      now,
    );
  }
}
