/**
 * Keeps only the last four characters of an identity document number, whatever the client sent:
 * `110101199003074512` → `**************4512`. Already masked input stays as it is.
 */
export function maskIdNumber(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  const visible = compact.slice(-4);
  return '*'.repeat(Math.max(compact.length - 4, 4)) + visible;
}
