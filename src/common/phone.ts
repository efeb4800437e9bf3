/**
 * Mobile numbers for SMS and voice calls. A mainland mobile has 11 digits starting 13–19 (with or
 * without +86 / 86); any other country is written +<country code><number>, 8 to 15 digits in all
 * (ITU-T E.164). Stored and sent as E.164: +8613800138000.
 */
const MAINLAND = /^(?:\+?86)?(1[3-9]\d{9})$/;
const INTERNATIONAL = /^\+([1-9]\d{7,14})$/;

/** The E.164 form, or null when the text is not a mobile number we can send to. */
export function normaliseMobile(text: string): string | null {
  const compact = text.replace(/[\s\-()]/g, '');
  const mainland = MAINLAND.exec(compact);
  if (mainland) return `+86${mainland[1]}`;
  if (compact.startsWith('+86')) return null;
  return INTERNATIONAL.test(compact) ? compact : null;
}

/** The national part of a mainland number (what the vendors' upstream callbacks report), else the E.164 form. */
export function nationalMobile(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164;
}

/** As Aliyun wants it: the national number for the mainland, else country code and number without "+". */
export function aliyunNumber(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164.replace(/^\+/, '');
}
