import type { Kysely } from 'kysely';

/*
 * Why: staged incident reports (信息报送). A unit's written reports on an incident — first report,
 * numbered follow-ups, final report, re-reports of casualty changes — each with every version sent
 * kept, signed off by the head before it goes up; the exchange with the unit above (sent, returned
 * with a reason and a deadline, accepted, forwarded); the recorded verbal report; the deadlines of
 * the reporting (duties); and changes of casualty figures. Frozen: never import app code here.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reception', 'text')
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('forwarded_from_id', 'text', (c) => c.references('incident_reports.id'))
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('first_sent_at', 'text')
    .addUniqueConstraint('incident_reports_stage_uq', ['incident_id', 'unit_id', 'stage', 'seq'])
    .execute();
  await db.schema
    .createIndex('incident_reports_to_idx')
    .on('incident_reports')
    .columns(['to_unit_id', 'updated_at'])
    .execute();
  await db.schema.createIndex('incident_reports_from_idx').on('incident_reports').column('forwarded_from_id').execute();

  await db.schema
    .createTable('incident_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('incident_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('edited_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_off_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('signed_off_as', 'text')
    .addColumn('signed_off_at', 'text')
    .addColumn('sent_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('incident_report_versions_uq', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('incident_report_exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('incident_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('due_at', 'text')
    .execute();
  await db.schema
    .createIndex('incident_report_exchanges_report_idx')
    .on('incident_report_exchanges')
    .columns(['report_id', 'at'])
    .execute();

  await db.schema
    .createTable('incident_report_duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.references('incident_reports.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('remind_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('met_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_report_duties_incident_idx')
    .on('incident_report_duties')
    .columns(['incident_id', 'unit_id', 'kind'])
    .execute();

  await db.schema
    .createTable('incident_verbal_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('to_whom', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chain_step_id', 'text')
    .addColumn('recorded_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_verbal_reports_uq', ['incident_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('incident_casualty_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('casualties_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('supplement_report_id', 'text', (c) => c.references('incident_reports.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_casualty_changes_incident_idx')
    .on('incident_casualty_changes')
    .columns(['incident_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'incident_casualty_changes',
    'incident_verbal_reports',
    'incident_report_duties',
    'incident_report_exchanges',
    'incident_report_versions',
    'incident_reports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
