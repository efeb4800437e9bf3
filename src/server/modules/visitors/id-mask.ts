/** At most this many characters of a number are ever kept in the clear. */
const VISIBLE_MAX = 4;
/** A masked number is never shorter than this many stars, so a short one does not show its length. */
const STARS_MIN = 4;

/**
 * Masks an identity document number so that it is never stored whole, whatever its length:
 * `110101199003074512` → `**************4512`; a short "other" document keeps at most half its
 * characters (`E123` → `****23`, `7` → `****`). Already masked input stays as it is: stars count as
 * hidden characters, and only the clear characters at the end can stay visible.
 */
export function maskIdNumber(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  const clearTail = /[^*]*$/.exec(compact)![0].length;
  const visible = Math.min(VISIBLE_MAX, Math.floor(compact.length / 2), clearTail);
  return '*'.repeat(Math.max(compact.length - visible, STARS_MIN)) + compact.slice(compact.length - visible);
}
