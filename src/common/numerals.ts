const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: heading markers and report numbers (续报二) stay under a hundred. */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${CN_DIGITS[n % 10] ?? ''}`;
}
