import type { Kysely } from 'kysely';

/*
 * Why: hazard inspections and rectification (domain §7). A unit keeps its own checklists (copied
 * from the shipped templates and edited), schedules them, and records each run item by item; every
 * failure becomes a rectification task with an owner, a deadline and a risk level, verified by a
 * second person and possibly supervised by the parent unit. The tasks are the ledger (台帐).
 * Photos are uploaded first and attached to a result or a task event when that is submitted.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checklists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('template_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklists_unit_idx').on('checklists').column('unit_id').execute();

  await db.schema
    .createTable('inspection_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('checklists.id'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('next_due_date', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_schedules_unit_idx').on('inspection_schedules').column('unit_id').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('checklists.id'))
    .addColumn('checklist_name', 'text', (c) => c.notNull())
    .addColumn('inspector_person_id', 'text')
    .addColumn('inspector_label', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('pass_count', 'integer', (c) => c.notNull())
    .addColumn('fail_count', 'integer', (c) => c.notNull())
    .addColumn('na_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_unit_idx').on('inspections').columns(['unit_id', 'submitted_at']).execute();
  await db.schema
    .createIndex('inspections_checklist_idx')
    .on('inspections')
    .columns(['checklist_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('inspection_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_text', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .execute();
  await db.schema
    .createIndex('inspection_results_inspection_idx')
    .on('inspection_results')
    .columns(['inspection_id', 'position'])
    .execute();

  await db.schema
    .createTable('rectification_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('source_item_code', 'text')
    .addColumn('source_detail', 'text')
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('overdue_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('reported_fixed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('verified_by_person_id', 'text')
    .addColumn('supervising_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('supervised_at', 'text')
    .addColumn('supervised_by_person_id', 'text')
    .addColumn('supervision_note', 'text')
    .addColumn('created_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_tasks_unit_idx')
    .on('rectification_tasks')
    .columns(['unit_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('rectification_tasks_state_idx')
    .on('rectification_tasks')
    .columns(['state', 'due_at'])
    .execute();

  await db.schema
    .createTable('rectification_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema
    .createIndex('rectification_events_task_idx')
    .on('rectification_events')
    .columns(['task_id', 'at'])
    .execute();

  await db.schema
    .createTable('inspection_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // result (an inspection result) or event (a rectification event); null until submitted with one.
    .addColumn('attached_kind', 'text')
    .addColumn('attached_id', 'text')
    .execute();
  await db.schema
    .createIndex('inspection_photos_attached_idx')
    .on('inspection_photos')
    .columns(['attached_kind', 'attached_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'inspection_photos',
    'rectification_events',
    'rectification_tasks',
    'inspection_results',
    'inspections',
    'inspection_schedules',
    'checklists',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
