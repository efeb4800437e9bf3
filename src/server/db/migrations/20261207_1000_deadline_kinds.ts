import type { Kysely } from 'kysely';

/*
 * Why: one shape for every module (issue #14). Every deadline kind is now named `<module>.<what>`
 * after its module's folder, and the kinds are listed in one place; the timers already stored under
 * the older names are renamed so they fire on. Fired rows are renamed too, so a recurring timer's
 * or a cancelled deadline's history stays under the one name its module now uses. The names are
 * written out here (not imported): a migration is frozen in time.
 */

/** Old name → new name, for each kind whose name changed. */
export const RENAMED_KINDS: Readonly<Record<string, string>> = {
  'incident.step': 'incidents.step',
  'directive.sign-due': 'directives.sign-due',
  'directive.reply-due': 'directives.reply-due',
  'inspection.due': 'inspections.schedule-due',
  'inspection.photo-unused': 'inspections.photo-unused',
  'rectification.overdue': 'inspections.rectification-overdue',
  'rectification.escalate': 'inspections.rectification-escalate',
  'daily-report.planner': 'daily-reports.planner',
  'daily-report.remind': 'daily-reports.remind',
  'daily-report.late': 'daily-reports.late',
  'daily-report.close': 'daily-reports.close',
};

async function rename(db: Kysely<any>, from: string, to: string): Promise<void> {
  await db.updateTable('deadlines').set({ kind: to }).where('kind', '=', from).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [from, to] of Object.entries(RENAMED_KINDS)) await rename(db, from, to);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [from, to] of Object.entries(RENAMED_KINDS)) await rename(db, to, from);
}
