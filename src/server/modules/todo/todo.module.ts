import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { DailyReportService } from '../daily-reports/daily-reports.service.js';
import { TodoService } from './todo.service.js';

/** Builds the to-do module on the doors of the modules it asks. */
export function createTodo(d: { db: Db; clock: Clock; dailyReports: DailyReportService }): TodoService {
  return new TodoService(d.db, d.clock, async (actor, unitId) => {
    const today = await d.dailyReports.today(actor, unitId);
    return {
      unitId: today.unitId,
      unitName: today.unitName,
      day: today.day,
      required: today.required,
      deadline: today.deadline,
      deadlineAt: today.deadlineAt,
      sent: today.report !== null,
    };
  });
}
