import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * The audit key: an Ed25519 private key that lives outside the database (an environment variable
 * or a key file outside the data directory). Entries and chain links are authenticated with an
 * HMAC key derived from it, so someone holding only the database cannot recompute them; checkpoints
 * are signed with it, so anyone with the public key can check a checkpoint kept or e-mailed elsewhere.
 */
export interface AuditKey {
  /** First 16 hex digits of SHA-256 of the raw public key: names the key in entries and checkpoints. */
  id: string;
  hmacKey: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** What a checkpoint vouches for: the chain had `pos` entries ending in `head` at time `at`. */
export interface Checkpoint {
  pos: number;
  head: string;
  at: string;
  keyId: string;
  /** Ed25519 over {@link checkpointText}, base64. */
  sig: string;
}

const PEM_BLOCK = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g;

function keyFrom(privateKey: KeyObject): AuditKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the audit key must be an Ed25519 private key (PEM, PKCS#8)');
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    id: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    hmacKey: Buffer.from(hkdfSync('sha256', der, 'steady-audit', 'entry and chain authenticators', 32)),
    privateKey,
    publicKey,
  };
}

/** Reads one or more PEM private keys; the first is the one in use, the others still verify (rotation). */
export function parseAuditKeys(pemText: string): AuditKey[] {
  const blocks = pemText.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error('no "BEGIN PRIVATE KEY" block found');
  return blocks.map((block) => keyFrom(createPrivateKey(block)));
}

/** A new key, PEM encoded (what `steady audit keygen` writes). */
export function newAuditKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function publicKeyPem(key: AuditKey): string {
  return key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function checkpointText(c: Omit<Checkpoint, 'sig'>): string {
  return `steady-audit-checkpoint\n${c.pos}\n${c.head}\n${c.at}\n${c.keyId}`;
}

/** The keys Steady was given: the first makes new authenticators; any of them verifies old ones. */
export class AuditKeyring {
  constructor(readonly keys: AuditKey[]) {}

  get current(): AuditKey | undefined {
    return this.keys[0];
  }

  byId(id: string): AuditKey | undefined {
    return this.keys.find((k) => k.id === id);
  }

  /** HMAC-SHA256 with the named key, or plain SHA-256 when `keyId` is null (no key configured). */
  digest(keyId: string | null, parts: unknown[]): string {
    const text = JSON.stringify(parts);
    if (keyId === null) return createHash('sha256').update(text).digest('hex');
    const key = this.byId(keyId);
    if (!key) throw new Error(`audit key ${keyId} was not given`);
    return createHmac('sha256', key.hmacKey).update(text).digest('hex');
  }

  sign(c: Omit<Checkpoint, 'sig' | 'keyId'>): Checkpoint {
    const key = this.current;
    if (!key) throw new Error('no audit key: checkpoints need one');
    const body = { ...c, keyId: key.id };
    return { ...body, sig: sign(null, Buffer.from(checkpointText(body)), key.privateKey).toString('base64') };
  }

  /** True when one of our keys signed exactly this checkpoint. */
  signedByUs(c: Checkpoint): boolean {
    const key = this.byId(c.keyId);
    if (!key || typeof c.sig !== 'string') return false;
    return verify(null, Buffer.from(checkpointText(c)), key.publicKey, Buffer.from(c.sig, 'base64'));
  }
}
