import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import { ROSTER_ROWS_MAX } from '../../../common/schemas/duty.js';
import { localToUtc, nextDay } from '../../../common/time.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { FieldProblem } from '../../lib/errors.js';
import { cellFieldProblem, importRefused } from '../../lib/spreadsheet-cells.js';
import { newId } from '../../lib/ids.js';
import type { MessageKey } from '../../lib/messages.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { UnitService } from '../units/units.service.js';
import { requireRosterKeeper } from './duty.policy.js';
import * as repo from './duty.repository.js';
import { assignmentRows, type DutyService } from './duty.service.js';
import { readRoster, rosterWorkbook, type CellProblem, type RosterColumn, type RosterRowIn } from './roster-xlsx.js';

/** Problems listed at most: enough to fix a file in one go, not a wall of text. */
const PROBLEMS_MAX = 200;

type PersonOfUnit = Awaited<ReturnType<typeof repo.peopleOfUnit>>[number];

/** How each person is written: the name, or the username where the name is not unique in the unit. */
function writtenAs(people: PersonOfUnit[]): (id: string, name: string) => string {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  const username = new Map(people.map((p) => [p.id, p.username]));
  return (id, name) => ((count.get(name) ?? 0) > 1 && username.get(id)) || name;
}

interface Planned {
  row: RosterRowIn;
  startsAt: string;
  endsAt: string;
  leaderId: string | null;
  staffIds: string[];
}

/**
 * The roster to and from .xlsx. An import is all or nothing: every problem is named by row and
 * column and nothing changes; a good file replaces the shifts starting on the dates it covers.
 * A shift kept with the same times keeps its identity, so its handover record stays with it.
 */
export class RosterTransfer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly duty: DutyService,
  ) {}

  async exportXlsx(actor: Actor, unitId: string, from: string, to: string, locale: Locale): Promise<Buffer> {
    const { unit, shifts } = await this.duty.roster(actor, unitId, from, to);
    const name = writtenAs(await repo.peopleOfUnit(this.db, unit.id));
    return rosterWorkbook(
      shifts.map((s) => ({
        date: s.localDate,
        kind: s.kind,
        start: localTime(s.startsAt, unit.time_zone),
        end: localTime(s.endsAt, unit.time_zone),
        leader: s.dutyLeader ? name(s.dutyLeader.id, s.dutyLeader.name) : '',
        staff: s.staff.map((p) => name(p.id, p.name)),
      })),
      locale,
    );
  }

  async importXlsx(
    actor: Actor,
    unitId: string,
    buffer: Buffer,
  ): Promise<{ from: string; to: string; shifts: number; replaced: number }> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, unitId, tx);
      requireRosterKeeper(actor, unit.path);
      const { rows, problems } = await readRoster(buffer, ROSTER_ROWS_MAX);
      // A file that cannot be read as a roster stops here; problems in single cells are gathered with the rest.
      if (problems.some((p) => p.column === 'file' || p.key === 'missingColumn') || rows.length === 0)
        throw refusal(problems.map(cellProblem));
      const people = await repo.peopleOfUnit(tx, unit.id);
      const found: FieldProblem[] = problems.map(cellProblem);
      const planned = rows.map((row) => this.plan(row, people, unit.time_zone, found));
      const from = rows.reduce((d, r) => (r.date < d ? r.date : d), rows[0]!.date);
      const to = rows.reduce((d, r) => (r.date > d ? r.date : d), rows[0]!.date);
      const sorted = [...planned].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      sorted.forEach((p, i) => {
        const earlier = sorted.slice(0, i).find((q) => q.endsAt > p.startsAt);
        if (earlier)
          found.push(rowProblem(p.row, 'rosterStart', 'duty.import.overlapsRow', { other: earlier.row.row }));
      });
      const inRange = await repo.shiftsOnDates(tx, unit.id, from, to);
      const around = await repo.shiftsOverlapping(
        tx,
        unit.id,
        localToUtc(from, '00:00', unit.time_zone).toISOString(),
        localToUtc(nextDay(nextDay(to)), '00:00', unit.time_zone).toISOString(),
      );
      for (const p of planned) {
        const clash = around.find(
          (s) => !inRange.some((r) => r.id === s.id) && s.starts_at < p.endsAt && s.ends_at > p.startsAt,
        );
        if (clash)
          found.push(
            rowProblem(p.row, 'rosterStart', 'duty.import.overlapsExisting', {
              date: clash.local_date,
              time: localTime(clash.starts_at, unit.time_zone),
            }),
          );
      }
      const kept = (s: repo.DutyShiftRow) => planned.find((p) => p.startsAt === s.starts_at && p.endsAt === s.ends_at);
      const dropped = inRange.filter((s) => !kept(s));
      for (const h of await repo.handoversOf(
        tx,
        dropped.map((s) => s.id),
      )) {
        const s = dropped.find((d) => d.id === h.shift_id)!;
        found.push({
          field: 'rosterFile',
          key: 'duty.import.handoverKept',
          params: { date: s.local_date, time: localTime(s.starts_at, unit.time_zone) },
        });
      }
      if (found.length) throw refusal(found);

      const now = this.clock.now().toISOString();
      await repo.deleteShifts(
        tx,
        dropped.map((s) => s.id),
      );
      for (const p of planned) {
        const existing = inRange.find((s) => s.starts_at === p.startsAt && s.ends_at === p.endsAt);
        const id = existing?.id ?? newId();
        if (existing) {
          await repo.clearAssignments(tx, id);
          await repo.setShiftKind(tx, id, p.row.kind, now);
          for (const swap of await repo.pendingSwapsFor(tx, [id])) await repo.decideSwap(tx, swap.id, 'void', now);
        } else {
          await repo.insertShift(tx, {
            id,
            unit_id: unit.id,
            kind: p.row.kind,
            local_date: p.row.date,
            starts_at: p.startsAt,
            ends_at: p.endsAt,
            rotation_id: null,
            created_at: now,
            updated_at: now,
          });
        }
        await repo.insertAssignments(tx, assignmentRows(id, p.leaderId, p.staffIds));
      }
      const result = { from, to, shifts: planned.length, replaced: inRange.length };
      await this.audit.record(tx, actor, {
        action: 'duty.import',
        entity: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        after: result,
      });
      return result;
    });
  }

  /** One row's times in the unit's zone and its people resolved; problems go to `found`. */
  private plan(row: RosterRowIn, people: PersonOfUnit[], zone: string, found: FieldProblem[]): Planned {
    const startsAt = localToUtc(row.date, row.start, zone);
    const endsAt = localToUtc(row.end <= row.start ? nextDay(row.date) : row.date, row.end, zone);
    const seen = new Set<string>();
    const resolve = (text: string, column: RosterColumn): string | null => {
      const byUsername = people.find((p) => p.username === text.toLowerCase());
      const byName = people.filter((p) => p.name === text);
      const id = byUsername?.id ?? (byName.length === 1 ? byName[0]!.id : null);
      if (!id)
        found.push(
          rowProblem(row, column, byName.length > 1 ? 'duty.import.ambiguousPerson' : 'duty.import.unknownPerson', {
            value: text,
          }),
        );
      else if (seen.has(id)) found.push(rowProblem(row, column, 'duty.import.listedTwice', { value: text }));
      else seen.add(id);
      return id;
    };
    const leaderId = row.leader ? resolve(row.leader, 'rosterLeader') : null;
    const staffIds = row.staff.map((s) => resolve(s, 'rosterStaff')).filter((x): x is string => Boolean(x));
    return {
      row,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      leaderId,
      staffIds: [...new Set(staffIds)],
    };
  }
}

/** `HH:MM` of an instant in the zone. */
const localTime = (iso: string, zone: string): string => DateTime.fromISO(iso).setZone(zone).toFormat('HH:mm');

function rowProblem(
  row: RosterRowIn,
  column: RosterColumn,
  key: MessageKey,
  params: Record<string, string | number> = {},
): FieldProblem {
  return { field: `rows.${row.row}.${column}`, key, params: { row: row.row, col: row.letters[column], ...params } };
}

const CELL_KEYS: Record<CellProblem['key'], MessageKey> = {
  missingColumn: 'duty.import.missingColumn',
  badDate: 'duty.import.badDate',
  badTime: 'duty.import.badTime',
  badShift: 'duty.import.badShift',
  required: 'duty.import.required',
  unreadable: 'duty.import.unreadable',
  noRows: 'duty.import.noRows',
  tooManyRows: 'duty.import.tooManyRows',
};

const cellProblem = (p: CellProblem) => cellFieldProblem(p, CELL_KEYS, 'rosterFile');
const refusal = (problems: FieldProblem[]) => importRefused('duty.importRefused', problems, PROBLEMS_MAX);
