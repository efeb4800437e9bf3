import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseDatabaseUrl, type DatabaseTarget } from './db/database.js';
import { parseAuditKeys, type AuditKey } from './modules/audit/audit-keys.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** Where the built web app lives; served when present. */
  readonly webDir: string;
  readonly sessionHours: number;
  /** Mark cookies Secure; turn on behind HTTPS. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  /** Password for every sample account when the demo organisation is loaded; generated when unset. */
  readonly demoPassword: string | undefined;
  /** Failed sign-ins allowed per username and address in one window. */
  readonly loginAttempts: number;
  /** Failed sign-ins allowed from one address in one window, whatever the usernames. */
  readonly loginAddressAttempts: number;
  readonly loginWindowMs: number;
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587; e-mail is off without it. */
  readonly smtp: { url: string; from: string } | undefined;
  /** Where people reach Steady, for links in messages, e.g. https://steady.example.org. */
  readonly publicUrl: string | undefined;
  /** Deadlines fired per engine transaction. */
  readonly engineBatchSize: number;
  /** Messages one person may be sent per minute before the rest wait. */
  readonly deliveriesPerPersonPerMinute: number;
  /** How long a sender may hold a delivery before another may try it (after a crash). */
  readonly deliveryLeaseMs: number;
  /** STEADY_SECRET_KEY: seals vendor secrets and derives acknowledge-link tokens; at least 32 characters. */
  readonly secretKey: string | undefined;
  /** STEADY_VAPID_SUBJECT: the contact Web Push services are told (mailto: or https:). */
  readonly vapidSubject: string;
  // --- audit anchoring (issue #12 item 9, #15) ---
  /** The audit keys, first in use; empty: the trail is plain SHA-256, not anchored. */
  readonly auditKeys: AuditKey[];
  /** Folder (outside the data directory) where signed checkpoints of the audit chain are appended. */
  readonly auditCheckpointDir: string | undefined;
  readonly auditCheckpointEveryMs: number;
  // --- end audit anchoring ---
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name}: expected true or false, got "${env[name]}"`);
}

function secretKey(env: Env): string | undefined {
  const raw = env.STEADY_SECRET_KEY;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32)
    throw new Error('STEADY_SECRET_KEY: expected at least 32 characters (for example `openssl rand -base64 32`)');
  return raw;
}

/** A path that must not lie inside the data directory: whoever copies the data must not get it too. */
function outsideDataDir(name: string, path: string, dataDir: string): string {
  const inside = relative(dataDir, path);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new Error(`${name}: must be outside STEADY_DATA_DIR (${dataDir}), got "${path}"`);
  }
  return path;
}

/** STEADY_AUDIT_KEY (PEM text) or STEADY_AUDIT_KEY_FILE (a PEM file outside the data directory). */
function auditKeys(env: Env, cwd: string, dataDir: string): AuditKey[] {
  const text = env.STEADY_AUDIT_KEY;
  const file = env.STEADY_AUDIT_KEY_FILE;
  if (text && file) throw new Error('STEADY_AUDIT_KEY and STEADY_AUDIT_KEY_FILE: set one, not both');
  const name = text ? 'STEADY_AUDIT_KEY' : 'STEADY_AUDIT_KEY_FILE';
  try {
    if (text) return parseAuditKeys(text.replace(/\\n/g, '\n'));
    if (file) return parseAuditKeys(readFileSync(outsideDataDir(name, resolve(cwd, file), dataDir), 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(reason.startsWith(name) ? reason : `${name}: ${reason}`, { cause: error });
  }
  return [];
}

/**
 * The built front end, found from this module's own place, not the folder the process started in:
 * src/server (tsx) and dist/server (built) both sit two levels below the package, whose dist/web
 * holds the build. So `node /opt/steady/dist/server/main.js` started from anywhere serves the app
 * and the patrol QR links. STEADY_WEB_DIR, when set, is still read relative to the working folder.
 */
export const BUILT_WEB_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'web');

/** Reads the environment once; every setting is checked here and named when wrong. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = resolve(cwd, env.STEADY_DATA_DIR || 'data');
  const databaseUrl = env.STEADY_DATABASE_URL || `sqlite:${join(dataDir, 'steady.db')}`;
  return Object.freeze({
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    database: parseDatabaseUrl(databaseUrl),
    webDir: env.STEADY_WEB_DIR ? resolve(cwd, env.STEADY_WEB_DIR) : BUILT_WEB_DIR,
    sessionHours: integer(env, 'STEADY_SESSION_HOURS', 12, 1, 24 * 30),
    secureCookies: flag(env, 'STEADY_SECURE_COOKIES', false),
    trustProxy: flag(env, 'STEADY_TRUST_PROXY', false),
    logLevel: env.LOG_LEVEL || 'info',
    demoPassword: env.STEADY_DEMO_PASSWORD || undefined,
    loginAttempts: integer(env, 'STEADY_LOGIN_ATTEMPTS', 10, 1, 1000),
    // A school or community signs in from behind one address: the cap is generous, and only failures count.
    loginAddressAttempts: integer(env, 'STEADY_LOGIN_ADDRESS_ATTEMPTS', 50, 1, 100_000),
    loginWindowMs: integer(env, 'STEADY_LOGIN_WINDOW_SECONDS', 300, 1, 86400) * 1000,
    smtp: env.STEADY_SMTP_URL
      ? { url: env.STEADY_SMTP_URL, from: env.STEADY_SMTP_FROM || 'Steady <steady@localhost>' }
      : undefined,
    publicUrl: env.STEADY_PUBLIC_URL || undefined,
    engineBatchSize: integer(env, 'STEADY_ENGINE_BATCH', 100, 1, 10_000),
    deliveriesPerPersonPerMinute: integer(env, 'STEADY_DELIVERIES_PER_MINUTE', 6, 1, 10_000),
    // Longer than a channel's 10-second timeout, or a slow send would be claimed and sent again.
    deliveryLeaseMs: integer(env, 'STEADY_DELIVERY_LEASE_SECONDS', 60, 15, 3600) * 1000,
    secretKey: secretKey(env),
    vapidSubject: env.STEADY_VAPID_SUBJECT || 'mailto:steady@localhost',
    auditKeys: auditKeys(env, cwd, dataDir),
    auditCheckpointDir: env.STEADY_AUDIT_CHECKPOINT_DIR
      ? outsideDataDir('STEADY_AUDIT_CHECKPOINT_DIR', resolve(cwd, env.STEADY_AUDIT_CHECKPOINT_DIR), dataDir)
      : undefined,
    auditCheckpointEveryMs: integer(env, 'STEADY_AUDIT_CHECKPOINT_MINUTES', 10, 1, 1440) * 60_000,
  });
}
