/**
 * What the ID field shows and sends: every character but the last four hidden
 * (`110101199003074512` → `**************4512`); four or fewer are shown as typed.
 */
export function maskId(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  return compact.length <= 4 ? compact : '*'.repeat(compact.length - 4) + compact.slice(-4);
}

/**
 * The raw text after an edit of the masked text: what was typed or pasted is found by comparing
 * the old and new masked text from both ends, and spliced into the raw text at the same place.
 * So typing, deleting and pasting work anywhere although the screen shows asterisks.
 */
export function editMasked(previousRaw: string, previousShown: string, shown: string): string {
  if (!shown.includes('*')) return shown;
  let head = 0;
  while (head < previousShown.length && head < shown.length && previousShown[head] === shown[head]) head++;
  let tail = 0;
  while (
    tail < previousShown.length - head &&
    tail < shown.length - head &&
    previousShown[previousShown.length - 1 - tail] === shown[shown.length - 1 - tail]
  ) {
    tail++;
  }
  const raw = previousRaw.replace(/\s+/g, '');
  return raw.slice(0, head) + shown.slice(head, shown.length - tail) + raw.slice(raw.length - tail);
}
