/**
 * The server's key from the environment (STEADY_SECRET_KEY), and what it is used for: sealing
 * vendor secrets at rest (AES-256-GCM, a fresh IV each time, the tag checked on opening) and
 * deriving tokens that need not be stored (HMAC-SHA256). The key is never written anywhere.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
  private readonly key: Buffer;

  /** `material` is at least 32 characters; it is hashed to the 32-byte key, so any text will do. */
  constructor(
    material: string,
    readonly fromEnvironment = true,
  ) {
    this.key = createHash('sha256').update(`steady-secret-box:${material}`, 'utf8').digest();
  }

  /** Without a configured key: one for this process only (links die at restart; secrets cannot be saved). */
  static ephemeral(): SecretBox {
    return new SecretBox(randomBytes(32).toString('base64'), false);
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.subKey('seal'), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Throws when the box was sealed with another key or altered. */
  open<T>(sealed: string): T {
    const [version, data] = sealed.split('.');
    if (version !== VERSION || !data) throw new Error('not a sealed secret');
    const raw = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.subKey('seal'), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
  }

  /** A URL-safe token for `purpose` and `id`: the same every time, unguessable without the key. */
  token(purpose: string, id: string, bytes = 24): string {
    return createHmac('sha256', this.subKey('token'))
      .update(`${purpose}:${id}`, 'utf8')
      .digest()
      .subarray(0, bytes)
      .toString('base64url');
  }

  private subKey(use: string): Buffer {
    return createHmac('sha256', this.key).update(use, 'utf8').digest();
  }
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
