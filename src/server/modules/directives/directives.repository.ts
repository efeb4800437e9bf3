import type { Executor } from '../../db/database.js';
import type { DirectiveAttachmentRow, DirectiveRow, DirectiveTargetRow } from './directives.table.js';
import { inSubtrees } from '../../db/subtree.js';

export type { DirectiveAttachmentRow, DirectiveRow, DirectiveTargetRow };

export type DirectiveWithSender = DirectiveRow & {
  sender_unit_name: string;
  sender_unit_path: string;
  sender_name: string | null;
};
export type TargetWithNames = DirectiveTargetRow & {
  unit_name: string;
  unit_path: string;
  unit_locale: string;
  signed_by_name: string | null;
  replied_by_name: string | null;
};

export async function insert(
  db: Executor,
  directive: DirectiveRow,
  targets: DirectiveTargetRow[],
  attachments: DirectiveAttachmentRow[],
): Promise<void> {
  await db.insertInto('directives').values(directive).execute();
  await db.insertInto('directive_targets').values(targets).execute();
  if (attachments.length) await db.insertInto('directive_attachments').values(attachments).execute();
}

export async function find(db: Executor, id: string): Promise<DirectiveWithSender | undefined> {
  return db
    .selectFrom('directives')
    .innerJoin('units', 'units.id', 'directives.sender_unit_id')
    .leftJoin('people', 'people.id', 'directives.sender_person_id')
    .selectAll('directives')
    .select(['units.name as sender_unit_name', 'units.path as sender_unit_path', 'people.name as sender_name'])
    .where('directives.id', '=', id)
    .executeTakeFirst();
}

export async function targets(db: Executor, directiveId: string): Promise<TargetWithNames[]> {
  return db
    .selectFrom('directive_targets as t')
    .innerJoin('units', 'units.id', 't.unit_id')
    .leftJoin('people as s', 's.id', 't.signed_by_person_id')
    .leftJoin('people as r', 'r.id', 't.replied_by_person_id')
    .selectAll('t')
    .select([
      'units.name as unit_name',
      'units.path as unit_path',
      'units.locale as unit_locale',
      's.name as signed_by_name',
      'r.name as replied_by_name',
    ])
    .where('t.directive_id', '=', directiveId)
    .orderBy('units.path')
    .execute();
}

export async function attachments(db: Executor, directiveId: string): Promise<DirectiveAttachmentRow[]> {
  return db
    .selectFrom('directive_attachments')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateTarget(db: Executor, id: string, changes: Partial<DirectiveTargetRow>): Promise<void> {
  await db.updateTable('directive_targets').set(changes).where('id', '=', id).execute();
}

/** One target row, locked on PostgreSQL so two people signing for one unit cannot both succeed. */
export async function targetForUpdate(
  db: Executor,
  directiveId: string,
  unitId: string,
  lock: boolean,
): Promise<DirectiveTargetRow | undefined> {
  return db
    .selectFrom('directive_targets')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .where('unit_id', '=', unitId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

const inboxBase = (db: Executor, unitIds: string[]) =>
  db
    .selectFrom('directive_targets as t')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as su', 'su.id', 'd.sender_unit_id')
    .innerJoin('units as tu', 'tu.id', 't.unit_id')
    .where('t.unit_id', 'in', unitIds);

export async function inbox(db: Executor, unitIds: string[], offset: number, limit: number) {
  if (unitIds.length === 0) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    inboxBase(db, unitIds)
      .select([
        'd.id',
        'd.kind',
        'd.title',
        'd.sign_due_at',
        'd.reply_due_at',
        'd.created_at',
        'su.name as sender_unit_name',
        't.unit_id',
        'tu.name as unit_name',
        't.signed_at',
        't.replied_at',
        't.marked_late_at',
      ])
      .orderBy('d.created_at', 'desc')
      .orderBy('t.unit_id')
      .offset(offset)
      .limit(limit)
      .execute(),
    inboxBase(db, unitIds)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

const sentBase = (db: Executor, within: string[] | null) =>
  db
    .selectFrom('directives as d')
    .innerJoin('units as su', 'su.id', 'd.sender_unit_id')
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'su.path', within!)));

export async function sent(db: Executor, within: string[] | null, offset: number, limit: number) {
  if (within?.length === 0) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    sentBase(db, within)
      .select([
        'd.id',
        'd.kind',
        'd.title',
        'd.sender_unit_id',
        'd.sign_due_at',
        'd.reply_due_at',
        'd.created_at',
        'su.name as sender_unit_name',
      ])
      .orderBy('d.created_at', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    sentBase(db, within)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Per directive: how many targets, signed, replied and signed late. */
export async function counts(db: Executor, directiveIds: string[]) {
  if (directiveIds.length === 0)
    return new Map<string, { targets: number; signed: number; replied: number; signedLate: number }>();
  const rows = await db
    .selectFrom('directive_targets')
    .select((e) => [
      'directive_id',
      e.fn.countAll<number>().as('targets'),
      e.fn.count<number>('signed_at').as('signed'),
      e.fn.count<number>('replied_at').as('replied'),
      e.fn.sum<number>('sign_late').as('signed_late'),
    ])
    .where('directive_id', 'in', directiveIds)
    .groupBy('directive_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.directive_id,
      {
        targets: Number(r.targets),
        signed: Number(r.signed),
        replied: Number(r.replied),
        signedLate: Number(r.signed_late ?? 0),
      },
    ]),
  );
}
