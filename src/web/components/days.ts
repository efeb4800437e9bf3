/*
 * Calendar arithmetic on local dates (`YYYY-MM-DD`). It happens on the date itself (at UTC noon),
 * so no browser time zone can shift a day.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);

/** The local date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = at(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
