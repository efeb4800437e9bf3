import { DateTime } from 'luxon';

/*
 * A picker shows and edits a wall-clock time; the instant it stands for is read in the unit's zone,
 * never the browser's, so a phone set to UTC or a PC elsewhere enters the same moment as a phone
 * in the unit. The wall clock travels as `YYYY-MM-DDTHH:mm` with no zone attached.
 */

/** The wall clock (`YYYY-MM-DDTHH:mm`) of an instant in `zone`. */
export function wallClockOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant (ISO 8601, UTC) a wall clock reads in `zone`. */
export function instantOf(wallClock: string, zone: string): string {
  const local = DateTime.fromISO(wallClock, { zone });
  if (!local.isValid) throw new Error(`not a wall-clock time: ${wallClock}`);
  return local.toUTC().toISO()!;
}
