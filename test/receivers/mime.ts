/**
 * Just enough MIME to read what nodemailer sends for a plain-text message: headers (folded and
 * RFC 2047 encoded) and a single-part body in base64, quoted-printable or 7/8-bit. A receiver for
 * tests, so no dependency beyond Node.
 */

export interface ParsedMail {
  /** Header names in lower case; the first value of each. */
  headers: Map<string, string>;
  text: string;
}

export function parseMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, text: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') };
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return qpBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
    default:
      return body;
  }
}

function qpBytes(text: string): Buffer {
  const latin1 = text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, 'latin1');
}

/**
 * RFC 2047 encoded words, as UTF-8. Adjacent words are joined as bytes before decoding, because
 * an encoder may split one character's bytes across two words, and the space between is dropped.
 */
export function decodeWords(value: string): string {
  let out = '';
  let pending: Buffer[] = [];
  let last = 0;
  const flush = () => {
    const text = Buffer.concat(pending).toString('utf8');
    pending = [];
    return text;
  };
  for (const match of value.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)) {
    const between = value.slice(last, match.index);
    if (!(pending.length > 0 && /^\s*$/.test(between))) out += flush() + between;
    const [, kind = 'B', data = ''] = match;
    pending.push(kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replace(/_/g, ' ')));
    last = match.index + match[0].length;
  }
  return out + flush() + value.slice(last);
}
