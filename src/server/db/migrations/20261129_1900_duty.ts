import type { Kysely } from 'kysely';

/*
 * Why: duty rosters — shifts per unit with their duty leader and staff, rotations that generate
 * shifts ahead, swaps that need the other person's consent, handover records acknowledged by the
 * next shift, and secret calendar feeds (only a hash of each feed's token is kept).
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slots_json', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('days_ahead', 'integer', (c) => c.notNull())
    .addColumn('generated_through', 'text')
    .addColumn('next_turn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_rotations_unit_idx').on('duty_rotations').column('unit_id').execute();

  await db.schema
    .createTable('duty_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('rotation_id', 'text', (c) => c.references('duty_rotations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('duty_shifts_unit_start_idx')
    .on('duty_shifts')
    .columns(['unit_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('duty_shifts_start_idx').on('duty_shifts').columns(['starts_at', 'ends_at']).execute();

  await db.schema
    .createTable('duty_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shift_id', 'text', (c) => c.notNull().references('duty_shifts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('duty_assignments_shift_person_uq', ['shift_id', 'person_id'])
    .execute();
  await db.schema.createIndex('duty_assignments_person_idx').on('duty_assignments').column('person_id').execute();

  await db.schema
    .createTable('duty_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('shift_id', 'text', (c) => c.notNull().references('duty_shifts.id').onDelete('cascade'))
    .addColumn('other_shift_id', 'text', (c) => c.references('duty_shifts.id').onDelete('cascade'))
    .addColumn('from_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('to_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('duty_swaps_unit_idx').on('duty_swaps').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('duty_swaps_to_idx').on('duty_swaps').columns(['to_person_id', 'state']).execute();

  await db.schema
    .createTable('duty_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('shift_id', 'text', (c) => c.notNull().unique().references('duty_shifts.id'))
    .addColumn('written_by_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('happened', 'text', (c) => c.notNull())
    .addColumn('pending', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('next_shift_id', 'text')
    .addColumn('acknowledged_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('acknowledged_at', 'text')
    .execute();

  await db.schema
    .createTable('duty_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_feeds_owner_idx').on('duty_feeds').column('owner_person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['duty_feeds', 'duty_handovers', 'duty_swaps', 'duty_assignments', 'duty_shifts', 'duty_rotations'])
    await db.schema.dropTable(t).execute();
}
