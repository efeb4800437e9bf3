import { normaliseMobile } from '../../../common/phone.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import * as peoplePort from '../people/people.read-port.js';
import * as rosters from '../rosters/rosters.read-port.js';
import type { ReunificationRow } from './reunification.repository.js';

interface School {
  id: string;
  name: string;
  locale: string;
}

/**
 * Whom a reunification tells, and in which words: the guardians (by SMS to their mobiles: the
 * school and the point, never a child), the release staff, and the head when someone is refused
 * (the class and "a child", never the child's name).
 */
export class ReunificationNotices {
  constructor(private readonly notifier: Notifier) {}

  /** At opening: guardians are sent the point, staff are told they release; answers how many mobiles were told. */
  async opened(
    tx: Executor,
    afterCommit: AfterCommit,
    o: { unit: School; row: ReunificationRow; staff: string[]; sender: string; now: Date },
  ): Promise<number> {
    const locale = o.unit.locale === 'en' ? 'en' : 'zh-CN';
    const where = { unit: o.unit.name, point: o.row.point };
    const told = await this.notifier.tellMobiles(
      tx,
      o.sender,
      await guardianMobiles(tx, o.unit.id),
      {
        kind: 'reunification.guardians',
        locale,
        link: null,
        incidentId: o.row.incident_id,
        title: say('reunification.guardianTitle', where),
        body: say('reunification.guardianBody', where),
      },
      o.now,
    );
    await this.notifier.tell(
      tx,
      afterCommit,
      o.staff,
      {
        kind: 'reunification.staff',
        locale,
        priority: 'urgent',
        link: `/reunifications/${o.row.id}`,
        title: say('reunification.staffTitle', where),
        body: say('reunification.staffBody'),
      },
      o.now,
    );
    return told;
  }

  /** The head (and whoever opened it) hears of a refusal at once. */
  async refused(
    tx: Executor,
    afterCommit: AfterCommit,
    o: { r: ReunificationRow; unit: School; className: string; staffId: string; now: Date },
  ): Promise<void> {
    const heads = await peoplePort.personIdsWithRole(tx, o.r.unit_id, 'accountable_head');
    const staff = (await peoplePort.personNames(tx, [o.staffId])).get(o.staffId) ?? '';
    await this.notifier.tell(
      tx,
      afterCommit,
      [...heads, ...(o.r.opened_by_person_id ? [o.r.opened_by_person_id] : [])],
      {
        kind: 'reunification.refused',
        locale: o.unit.locale,
        priority: 'urgent',
        incidentId: o.r.incident_id,
        link: `/reunifications/${o.r.id}`,
        title: say('reunification.refusedTitle', { unit: o.unit.name, class: o.className }),
        body: say('reunification.refusedBody', { staff, point: o.r.point, class: o.className }),
      },
      o.now,
    );
  }
}

/** The guardians' mobiles of every pupil of the school, as E.164 (a parent of two is told once, by the notifier). */
async function guardianMobiles(tx: Executor, unitId: string): Promise<string[]> {
  const pupils = await rosters.pupilsOfUnit(tx, unitId);
  const adults = await rosters.adultsOf(
    tx,
    pupils.map((p) => p.id),
  );
  const mobiles: string[] = [];
  for (const list of adults.values())
    for (const a of list) {
      const mobile = a.guardian === 1 ? normaliseMobile(a.mobile) : null;
      if (mobile) mobiles.push(mobile);
    }
  return mobiles;
}
