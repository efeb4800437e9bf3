import type { Locale } from '../../../common/locale.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId, newSecret } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import { sha256 } from '../auth/auth.service.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import * as peoplePort from '../people/people.read-port.js';
import * as repo from './duty.repository.js';
import { calendar, type IcsEvent } from './ical.js';
import { shiftLabel } from './roster-xlsx.js';

/** A feed covers this much of the past and the future. */
const PAST_DAYS = 60;
const FUTURE_DAYS = 366;
const EVENTS_MAX = 3000;

const WORDS = {
  'zh-CN': {
    leader: '带班领导',
    staff: '值班人员',
    duty: '值班',
    mine: (unit: string, shift: string, role: string) => `${unit} ${shift}（${role}）`,
    sep: '、',
    colon: '：',
  },
  en: {
    leader: 'Duty leader',
    staff: 'Duty staff',
    duty: 'Duty',
    mine: (unit: string, shift: string, role: string) => `${unit}: ${shift} (${role})`,
    sep: ', ',
    colon: ': ',
  },
};

/**
 * Calendar feeds at secret addresses, read without signing in: a person's own shifts, or a unit's
 * roster. Only a hash of each token is stored; a new token replaces the old one. A unit feed stops
 * answering when its owner no longer holds a role over the unit. Names only: no phone numbers
 * leave through a feed, since calendar services keep copies.
 */
export class FeedService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
  ) {}

  async list(actor: Actor) {
    return actor.kind === 'account' ? repo.feedsOf(this.db, actor.personId) : [];
  }

  /** Issues (or re-issues) a feed; the token is shown this once. */
  async issue(
    actor: Actor,
    unitId: string | null,
  ): Promise<{ row: repo.DutyFeedRow; token: string; unitName: string | null }> {
    if (actor.kind !== 'account') throw notFound();
    return this.db.transaction().execute(async (tx) => {
      const unit = unitId ? await this.units.requireVisible(actor, unitId, tx) : null;
      const token = newSecret(24);
      const row: repo.DutyFeedRow = {
        id: newId(),
        owner_person_id: actor.personId,
        unit_id: unit?.id ?? null,
        token_hash: sha256(token),
        created_at: this.clock.now().toISOString(),
      };
      await repo.replaceFeed(tx, row);
      await this.audit.record(tx, actor, {
        action: 'duty.feed.issue',
        entity: 'duty_feed',
        entityId: row.id,
        unitId: unit?.id ?? null,
        after: { unitId: row.unit_id },
      });
      return { row, token, unitName: unit?.name ?? null };
    });
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    if (actor.kind !== 'account') throw notFound();
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.deleteFeed(tx, id, actor.personId))) throw notFound();
      await this.audit.record(tx, actor, {
        action: 'duty.feed.revoke',
        entity: 'duty_feed',
        entityId: id,
        unitId: null,
      });
    });
  }

  /** The feed's text for whoever holds the token; anything else is simply not found. */
  async render(token: string): Promise<string> {
    const feed = await repo.feedByHash(this.db, sha256(token));
    if (!feed) throw notFound();
    const now = this.clock.now();
    const from = new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString();
    const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000).toISOString();
    if (feed.unit_id) {
      const unit = await unitsPort.findById(this.db, feed.unit_id);
      const paths = await repo.rolePathsOf(this.db, feed.owner_person_id);
      if (!unit || !paths.some((p) => unit.path.startsWith(p))) throw notFound();
      const locale: Locale = unit.locale === 'en' ? 'en' : 'zh-CN';
      const shifts = (await repo.shiftsOverlapping(this.db, unit.id, from, to)).slice(0, EVENTS_MAX);
      return calendar(
        `${unit.name} · ${WORDS[locale].duty}`,
        unit.time_zone,
        await this.events(shifts, locale, null, new Map([[unit.id, unit.name]])),
        now,
      );
    }
    const person = await peoplePort.findById(this.db, feed.owner_person_id);
    const home = person && (await unitsPort.findById(this.db, person.home_unit_id));
    if (!person || !home) throw notFound();
    const locale: Locale = home.locale === 'en' ? 'en' : 'zh-CN';
    const shifts = await repo.shiftsOfPerson(this.db, person.id, from, to, EVENTS_MAX);
    const units = new Map(
      (await unitsPort.findByIds(this.db, [...new Set(shifts.map((s) => s.unit_id))])).map((u) => [u.id, u.name]),
    );
    return calendar(
      `${person.name} · ${WORDS[locale].duty}`,
      home.time_zone,
      await this.events(shifts, locale, person.id, units),
      now,
    );
  }

  private async events(
    shifts: repo.DutyShiftRow[],
    locale: Locale,
    personId: string | null,
    unitNames: Map<string, string>,
  ): Promise<IcsEvent[]> {
    const w = WORDS[locale];
    const assignments = await repo.assignmentsOf(
      this.db,
      shifts.map((s) => s.id),
    );
    return shifts.map((shift) => {
      const mine = assignments.filter((a) => a.shift_id === shift.id);
      const leader = mine.find((a) => a.role === 'leader');
      const staff = mine.filter((a) => a.role === 'staff').map((a) => a.name);
      const label = shiftLabel(shift.kind, locale);
      const role = mine.find((a) => a.person_id === personId)?.role === 'leader' ? w.leader : w.staff;
      const summary = personId
        ? w.mine(unitNames.get(shift.unit_id) ?? '', label, role)
        : `${label}${w.colon}${[leader?.name, ...staff].filter(Boolean).join(w.sep)}`;
      const description = [
        `${w.leader}${w.colon}${leader?.name ?? '—'}`,
        `${w.staff}${w.colon}${staff.join(w.sep) || '—'}`,
      ].join('\n');
      return {
        uid: `${shift.id}@steady`,
        start: new Date(shift.starts_at),
        end: new Date(shift.ends_at),
        summary,
        description,
        lastModified: new Date(shift.updated_at),
      };
    });
  }
}
