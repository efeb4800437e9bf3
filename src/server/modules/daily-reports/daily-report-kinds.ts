/** The deadline kinds of daily reports; a unit-day's rows have the ref `<unit id>@<local date>`. */
export const PLANNER_DEADLINE = 'daily-reports.planner';
export const REMIND_DEADLINE = 'daily-reports.remind';
export const LATE_DEADLINE = 'daily-reports.late';
export const CLOSE_DEADLINE = 'daily-reports.close';
export const dayRef = (unitId: string, day: string) => `${unitId}@${day}`;
