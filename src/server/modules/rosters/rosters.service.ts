import type {
  ClassBody,
  ClassUpdate,
  PupilBody,
  RosterAdult,
  RosterImportResult,
} from '../../../common/schemas/rosters.js';
import type { Locale } from '../../../common/locale.js';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, forbidden, invalid, notFound, type FieldProblem } from '../../lib/errors.js';
import { cellFieldProblem, importRefused } from '../../lib/spreadsheet-cells.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import { logAccess } from '../audit/access-log.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import type { UnitService } from '../units/units.service.js';
import { readRoster, rosterWorkbook, type CellProblem } from './pupils-xlsx.js';
import { keepsRosters, teachesClass } from './rosters.policy.js';
import { presentAdult } from './rosters.presenter.js';
import * as repo from './rosters.repository.js';

/** Units with pupils: a central school teaches its own pupils besides supervising village schools. */
const SCHOOL_TYPES = new Set(['school', 'central_school', 'kindergarten']);
export const ROSTER_ROWS_MAX = 5000;
const PROBLEMS_MAX = 50;

export type PupilWithAdults = repo.PupilWithAdults;

/**
 * Class rosters of a school or kindergarten. Changes are audited without the child's data (the
 * trail is kept for ever, the roster only while the pupil is at the school); every look at names
 * is logged in the access log.
 */
export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
  ) {}

  /** The classes a person may open: all of them for a keeper, their own for a class teacher. */
  async classes(actor: Actor, unitId: string): Promise<repo.ClassWithCount[]> {
    const unit = await this.units.requireVisible(actor, unitId);
    if (!SCHOOL_TYPES.has(unit.type)) return [];
    if (keepsRosters(actor, unitId)) return repo.classesOf(this.db, unitId);
    return actor.kind === 'account' ? repo.classesOf(this.db, unitId, actor.personId) : [];
  }

  async createClass(actor: Actor, body: ClassBody): Promise<repo.SchoolClassRow> {
    return this.db.transaction().execute(async (tx) => {
      await this.school(actor, body.unitId, tx);
      if (!keepsRosters(actor, body.unitId)) throw forbidden();
      await this.requireTeacher(tx, body.unitId, body.teacherPersonId);
      const now = this.clock.now().toISOString();
      const row = {
        id: newId(),
        unit_id: body.unitId,
        name: body.name,
        teacher_person_id: body.teacherPersonId,
        created_at: now,
        updated_at: now,
      };
      await this.insertClassNamed(tx, row);
      await this.audit.record(tx, actor, {
        action: 'roster.class-create',
        entity: 'school_class',
        entityId: row.id,
        unitId: row.unit_id,
        after: { name: row.name, teacherPersonId: row.teacher_person_id },
      });
      return row;
    });
  }

  async updateClass(actor: Actor, id: string, change: ClassUpdate): Promise<repo.SchoolClassRow> {
    return this.db.transaction().execute(async (tx) => {
      const cls = await this.classFor(actor, id, tx, 'keep');
      if (change.teacherPersonId !== undefined) await this.requireTeacher(tx, cls.unit_id, change.teacherPersonId);
      const next = {
        ...cls,
        name: change.name ?? cls.name,
        teacher_person_id: change.teacherPersonId === undefined ? cls.teacher_person_id : change.teacherPersonId,
        updated_at: this.clock.now().toISOString(),
      };
      try {
        await repo.updateClass(tx, id, {
          name: next.name,
          teacher_person_id: next.teacher_person_id,
          updated_at: next.updated_at,
        });
      } catch (error) {
        throw (await this.nameTaken(tx, cls.unit_id, next.name, id))
          ? conflict('roster.classNameTaken', {}, 'name')
          : error;
      }
      await this.audit.record(tx, actor, {
        action: 'roster.class-update',
        entity: 'school_class',
        entityId: id,
        unitId: cls.unit_id,
        before: { name: cls.name, teacherPersonId: cls.teacher_person_id },
        after: { name: next.name, teacherPersonId: next.teacher_person_id },
      });
      return next;
    });
  }

  /** A class is removed only once empty: its pupils leave (purged) or move first. */
  async deleteClass(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const cls = await this.classFor(actor, id, tx, 'keep');
      if ((await repo.pupilsIn(tx, id)).length) throw conflict('roster.classNotEmpty');
      await repo.deleteClass(tx, id);
      await this.audit.record(tx, actor, {
        action: 'roster.class-delete',
        entity: 'school_class',
        entityId: id,
        unitId: cls.unit_id,
        before: { name: cls.name },
      });
    });
  }

  /** A class with its pupils and their adults; the look is logged. */
  async roster(actor: Actor, classId: string): Promise<{ cls: repo.ClassWithCount; pupils: PupilWithAdults[] }> {
    const cls = await this.classFor(actor, classId, this.db, 'see');
    const pupils = await this.withAdults(await repo.pupilsIn(this.db, classId));
    await logAccess(this.db, actor, this.clock.now(), {
      entity: 'roster',
      unitId: cls.unit_id,
      detail: { classId, pupils: pupils.length },
    });
    const [withCount] = (await repo.classesOf(this.db, cls.unit_id)).filter((c) => c.id === classId);
    return { cls: withCount!, pupils };
  }

  async addPupil(actor: Actor, body: PupilBody): Promise<PupilWithAdults> {
    return this.db.transaction().execute(async (tx) => {
      const cls = await this.classFor(actor, body.classId, tx, 'edit');
      const now = this.clock.now().toISOString();
      const row = {
        id: newId(),
        unit_id: cls.unit_id,
        class_id: cls.id,
        name: body.name,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPupil(tx, row);
      const adults = adultRows(row.id, body.adults);
      await repo.replaceAdults(tx, row.id, adults);
      await this.audit.record(tx, actor, {
        action: 'roster.pupil-add',
        entity: 'pupil',
        entityId: row.id,
        unitId: cls.unit_id,
        after: { classId: cls.id, adults: adults.length },
      });
      return { ...row, adults };
    });
  }

  /** Replaces a pupil's name, class and adults; moving to another class needs both classes' keeper or teacher. */
  async updatePupil(actor: Actor, id: string, body: PupilBody): Promise<PupilWithAdults> {
    return this.db.transaction().execute(async (tx) => {
      const pupil = await repo.findPupil(tx, id);
      if (!pupil) throw notFound();
      await this.classFor(actor, pupil.class_id, tx, 'edit');
      const target = body.classId === pupil.class_id ? undefined : await this.classFor(actor, body.classId, tx, 'edit');
      if (target && target.unit_id !== pupil.unit_id) throw invalid('classId', 'roster.otherSchool');
      const change = { name: body.name, class_id: body.classId, updated_at: this.clock.now().toISOString() };
      await repo.updatePupil(tx, id, change);
      const adults = adultRows(id, body.adults);
      await repo.replaceAdults(tx, id, adults);
      await this.audit.record(tx, actor, {
        action: 'roster.pupil-update',
        entity: 'pupil',
        entityId: id,
        unitId: pupil.unit_id,
        before: { classId: pupil.class_id },
        after: { classId: body.classId, adults: adults.length },
      });
      return { ...pupil, ...change, adults };
    });
  }

  /** A pupil who leaves the school: the pupil and every adult listed go; the trail keeps only that it happened. */
  async purgePupil(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const pupil = await repo.findPupil(tx, id);
      if (!pupil) throw notFound();
      await this.classFor(actor, pupil.class_id, tx, 'edit');
      await repo.purgePupil(tx, id);
      await this.audit.record(tx, actor, {
        action: 'roster.pupil-purge',
        entity: 'pupil',
        entityId: id,
        unitId: pupil.unit_id,
        before: { classId: pupil.class_id },
      });
    });
  }

  /** The school's roster, or one class's, as a spreadsheet; the look is logged. */
  async exportXlsx(actor: Actor, unitId: string, classId: string | undefined, locale: Locale): Promise<Buffer> {
    await this.units.requireVisible(actor, unitId);
    const classes = classId
      ? [await this.classFor(actor, classId, this.db, 'see')]
      : await this.keeperClasses(actor, unitId);
    if (classes.some((c) => c.unit_id !== unitId)) throw notFound();
    const rows = [];
    for (const cls of classes)
      for (const p of await this.withAdults(await repo.pupilsIn(this.db, cls.id)))
        rows.push({ className: cls.name, name: p.name, adults: p.adults.map(presentAdult) });
    await logAccess(this.db, actor, this.clock.now(), {
      entity: 'roster',
      unitId,
      detail: { classId: classId ?? null, export: true, pupils: rows.length },
    });
    return rosterWorkbook(rows, locale);
  }

  /**
   * A school's roster from a spreadsheet, all or nothing: every problem is named by row and column
   * and nothing is stored unless the whole file is right. Classes are matched by name (new ones
   * made), pupils by class and name (their adults replaced by the file's); pupils not in the file stay.
   */
  async importXlsx(actor: Actor, unitId: string, buffer: Buffer): Promise<RosterImportResult> {
    await this.school(actor, unitId);
    if (!keepsRosters(actor, unitId)) throw forbidden();
    const { rows, problems } = await readRoster(buffer, ROSTER_ROWS_MAX);
    const found = problems.map(cellProblem);
    const first = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.className}\u0000${r.name}`;
      const other = first.get(key);
      if (other)
        found.push({
          field: `rows.${r.row}.pupil`,
          key: 'roster.import.listedTwice',
          params: { row: r.row, col: 'B', value: r.name, other },
        });
      else first.set(key, r.row);
    }
    if (found.length) throw refusal(found);
    return this.db.transaction().execute(async (tx) => {
      const now = this.clock.now().toISOString();
      const classes = new Map((await repo.classesOf(tx, unitId)).map((c) => [c.name, c.id]));
      const existing = new Map(
        (await repo.pupilsOfUnit(tx, unitId)).map((p) => [`${p.class_id}\u0000${p.name}`, p.id]),
      );
      const newClasses: repo.SchoolClassRow[] = [];
      const newPupils: repo.PupilRow[] = [];
      const kept: string[] = [];
      const adults: repo.PupilAdultRow[] = [];
      for (const r of rows) {
        let classId = classes.get(r.className);
        if (!classId) {
          classId = newId();
          newClasses.push({
            id: classId,
            unit_id: unitId,
            name: r.className,
            teacher_person_id: null,
            created_at: now,
            updated_at: now,
          });
          classes.set(r.className, classId);
        }
        let pupilId = existing.get(`${classId}\u0000${r.name}`);
        if (pupilId) kept.push(pupilId);
        else {
          pupilId = newId();
          newPupils.push({
            id: pupilId,
            unit_id: unitId,
            class_id: classId,
            name: r.name,
            created_at: now,
            updated_at: now,
          });
        }
        adults.push(...adultRows(pupilId, r.adults));
      }
      await repo.insertMany(tx, 'school_classes', newClasses);
      await repo.insertMany(tx, 'pupils', newPupils);
      await repo.deleteAdultsOf(tx, kept);
      await repo.insertMany(tx, 'pupil_adults', adults);
      const result = { classes: newClasses.length, added: newPupils.length, updated: kept.length };
      await this.audit.record(tx, actor, {
        action: 'roster.import',
        entity: 'unit',
        entityId: unitId,
        unitId,
        after: result,
      });
      return result;
    });
  }

  private async keeperClasses(actor: Actor, unitId: string) {
    if (!keepsRosters(actor, unitId)) throw forbidden();
    return repo.classesOf(this.db, unitId);
  }

  /** A school or kindergarten the actor can see; anything else is refused by name. */
  private async school(actor: Actor, unitId: string, db: Executor = this.db) {
    const unit = await this.units.requireVisible(actor, unitId, db);
    if (!SCHOOL_TYPES.has(unit.type)) throw invalid('unitId', 'roster.notSchool');
    return unit;
  }

  /** A class the actor may see ('see'), change pupils of ('edit': keeper or its teacher), or manage ('keep'). */
  private async classFor(actor: Actor, id: string, db: Executor, need: 'see' | 'edit' | 'keep') {
    const cls = await repo.findClass(db, id);
    if (!cls) throw notFound();
    await this.units.requireVisible(actor, cls.unit_id, db);
    const keeper = keepsRosters(actor, cls.unit_id);
    if (keeper || (need !== 'keep' && teachesClass(actor, cls))) return cls;
    // Someone who cannot open a class is not told its pupils exist; a teacher of another class learns only "no".
    throw need === 'see' ? notFound() : forbidden();
  }

  private async requireTeacher(db: Executor, unitId: string, personId: string | null): Promise<void> {
    if (personId === null) return;
    const teachers = await peoplePort.roleHolders(db, unitId, 'class_teacher');
    if (!teachers.some((t) => t.id === personId)) throw invalid('teacherPersonId', 'roster.notClassTeacher');
  }

  private async insertClassNamed(db: Executor, row: repo.SchoolClassRow): Promise<void> {
    if (await this.nameTaken(db, row.unit_id, row.name)) throw conflict('roster.classNameTaken', {}, 'name');
    await repo.insertClass(db, row);
  }

  private async nameTaken(db: Executor, unitId: string, name: string, except?: string): Promise<boolean> {
    return (await repo.classesOf(db, unitId)).some((c) => c.name === name && c.id !== except);
  }

  private async withAdults(pupils: repo.PupilRow[]): Promise<PupilWithAdults[]> {
    const adults = await repo.adultsOf(
      this.db,
      pupils.map((p) => p.id),
    );
    return pupils.map((p) => ({ ...p, adults: adults.get(p.id) ?? [] }));
  }
}

function adultRows(pupilId: string, adults: RosterAdult[]): repo.PupilAdultRow[] {
  return adults.map((a, position) => ({
    id: newId(),
    pupil_id: pupilId,
    position,
    name: a.name,
    relation: a.relation,
    mobile: a.mobile,
    id_last4: a.idLast4,
    guardian: a.guardian ? 1 : 0,
    may_collect: a.mayCollect ? 1 : 0,
  }));
}

const CELL_KEYS = {
  missingColumn: 'roster.import.missingColumn',
  required: 'roster.import.required',
  tooLong: 'roster.import.tooLong',
  badMobile: 'roster.import.badMobile',
  badIdLast4: 'roster.import.badIdLast4',
  badKind: 'roster.import.badKind',
  unreadable: 'roster.import.unreadable',
  noRows: 'roster.import.noRows',
  tooManyRows: 'roster.import.tooManyRows',
} as const;

const cellProblem = (p: CellProblem) => cellFieldProblem(p, CELL_KEYS, 'rosterFile');
const refusal = (problems: FieldProblem[]) => importRefused('roster.importRefused', problems, PROBLEMS_MAX);
