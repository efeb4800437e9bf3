/** The deadline kinds of daily reports; a unit-day's rows have the ref `<unit id>@<local date>`. */
export const PLANNER_DEADLINE = 'daily-report.planner';
export const REMIND_DEADLINE = 'daily-report.remind';
export const LATE_DEADLINE = 'daily-report.late';
export const CLOSE_DEADLINE = 'daily-report.close';
export const dayRef = (unitId: string, day: string) => `${unitId}@${day}`;
