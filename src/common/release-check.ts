import { normaliseMobile } from './phone.js';

/*
 * The rules for comparing what an adult at the reunification point says with an adult on a child's
 * list, shared by the server (which decides) and the phone (which checks offline against check
 * values), so the two cannot drift. A check value is HMAC-SHA256 under the reunification's own secret
 * over the normalised name, mobile and ID last four; the phone holds check values, never the mobile or
 * the ID digits.
 */

/** A name as compared: NFKC, no spaces, lower case ("李 娜" = "李娜", "Wang Jianguo" = "wangjianguo"). */
export const normaliseName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** A mobile as compared: E.164 when it is one, else its digits. */
export const normaliseCheckMobile = (text: string): string => normaliseMobile(text) ?? text.replace(/\D/g, '');

/** The ID's last four as compared: trimmed, upper case ("123x" = "123X"). */
export const normaliseIdLast4 = (text: string): string => text.trim().toUpperCase();

/** What a check value is made of. */
export const checkMessage = (name: string, mobile: string, idLast4: string): string =>
  `${normaliseName(name)}|${normaliseCheckMobile(mobile)}|${normaliseIdLast4(idLast4)}`;

const toHex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The check value of an adult, lower-case hex of HMAC-SHA256(secret, message). Uses WebCrypto, which
 * both Node and the browser have (the browser only in a secure context: HTTPS or localhost).
 */
export async function checkValue(secret: string, adult: { name: string; mobile: string; idLast4: string }) {
  const enc = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    enc.encode(checkMessage(adult.name, adult.mobile, adult.idLast4)),
  );
  return toHex(mac);
}
