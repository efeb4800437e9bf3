/**
 * The vendor accounts Steady sends through: configured by a top administrator, secrets sealed with
 * the server's key and never shown back, a callback key per vendor shown once. Also the source the
 * channels read their accounts from (cached briefly, dropped on every save in this process).
 */
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import {
  VENDOR_CONFIG,
  VENDOR_SECRETS,
  VENDORS,
  type Vendor,
  type VendorSettings,
  type VendorSettingsBody,
} from '../../../common/schemas/channels.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, invalidFields, type FieldProblem } from '../../lib/errors.js';
import { newSecret } from '../../lib/ids.js';
import { sha256Hex, type SecretBox } from '../../lib/secret-box.js';
import type { MessageKey } from '../../lib/messages.js';
import { newVapidKeys } from '../../notify/channels/web-push.js';
import type { VendorAccount, VendorSettingsSource } from '../../notify/channels/vendor-settings.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as repo from './channels.repository.js';
import { requireTopAdmin } from './channels.policy.js';
import type { ChannelSettingsRow } from './channels.table.js';

const CACHE_MS = 5_000;

/** zod issues of a nested object as named fields (config.signName …), in the words problem+json uses. */
function problemsOf(prefix: string, error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].join('.');
    const key = ((issue as { params?: { key?: string } }).params?.key ??
      (issue.code === 'invalid_type'
        ? 'field.required'
        : issue.code === 'unrecognized_keys'
          ? 'field.unknown'
          : 'field.invalid')) as MessageKey;
    return { field, key };
  });
}

export class ChannelService implements VendorSettingsSource {
  private cache = new Map<Vendor, { at: number; account: VendorAccount<Vendor> | null }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly box: SecretBox,
    private readonly publicUrl: string | undefined,
  ) {}

  async list(actor: Actor): Promise<VendorSettings[]> {
    requireTopAdmin(actor);
    const rows = new Map((await repo.all(this.db)).map((r) => [r.channel, r]));
    return VENDORS.map((vendor) => this.present(vendor, rows.get(vendor)));
  }

  private present(vendor: Vendor, row: ChannelSettingsRow | undefined): VendorSettings {
    const secrets = row?.secrets_sealed ? this.openSecrets(row.secrets_sealed) : {};
    const config = row ? (JSON.parse(row.config_json) as Record<string, unknown>) : {};
    return {
      vendor,
      enabled: row?.enabled === 1,
      config,
      secretsSet: Object.keys(secrets).sort(),
      configured: VENDOR_CONFIG[vendor].safeParse(config).success && VENDOR_SECRETS[vendor].safeParse(secrets).success,
      callbackPath: row?.callback_key_hash ? `/api/v1/callbacks/${vendor}/…` : null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** Secrets sealed with another key (the key was changed) read as none: they must be entered again. */
  private openSecrets(sealed: string): Record<string, string> {
    try {
      return this.box.open<Record<string, string>>(sealed);
    } catch {
      return {};
    }
  }

  /** Saves a vendor: the config whole, secrets merged over the saved ones; enabled only when complete. */
  async save(actor: Actor, vendor: Vendor, body: VendorSettingsBody): Promise<VendorSettings> {
    requireTopAdmin(actor);
    const config = VENDOR_CONFIG[vendor].safeParse(body.config);
    const problems: FieldProblem[] = config.success ? [] : problemsOf('config', config.error);
    const given = Object.fromEntries(Object.entries(body.secrets ?? {}).filter(([, v]) => v.trim() !== ''));
    if (Object.keys(given).length && !this.box.fromEnvironment) throw invalid('secrets', 'channels.noKey');
    const saved = await repo.find(this.db, vendor);
    let secrets: Record<string, string> = {
      ...(saved?.secrets_sealed ? this.openSecrets(saved.secrets_sealed) : {}),
      ...given,
    };
    let configValue = config.success ? (config.data as Record<string, unknown>) : {};
    if (vendor === 'web_push' && body.enabled && !secrets.privateKey && this.box.fromEnvironment) {
      const keys = newVapidKeys();
      secrets = { ...secrets, privateKey: keys.privateKey };
      configValue = { ...configValue, publicKey: keys.publicKey };
    }
    const checked = VENDOR_SECRETS[vendor].safeParse(secrets);
    if (body.enabled && !checked.success) problems.push(...problemsOf('secrets', checked.error));
    if (problems.length) throw invalidFields(problems);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await repo.upsert(tx, {
        channel: vendor,
        enabled: body.enabled ? 1 : 0,
        config_json: JSON.stringify(configValue),
        secrets_sealed: Object.keys(secrets).length ? this.box.seal(secrets) : null,
        callback_key_hash: saved?.callback_key_hash ?? null,
        updated_at: now,
        updated_by_person_id: actor.kind === 'account' ? actor.personId : null,
      });
      await this.audit.record(tx, actor, {
        action: 'channel.settings',
        entity: 'channel',
        entityId: vendor,
        unitId: null,
        after: { enabled: body.enabled, config: configValue, secretsSet: Object.keys(secrets).sort() },
      });
    });
    this.cache.delete(vendor);
    return this.present(vendor, await repo.find(this.db, vendor));
  }

  /** A new key for the vendor's callback URL; the old one stops working. The URL is shown this once. */
  async issueCallbackKey(actor: Actor, vendor: Vendor): Promise<{ callbackUrl: string }> {
    requireTopAdmin(actor);
    const key = newSecret(24);
    const saved = await repo.find(this.db, vendor);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await repo.upsert(tx, {
        channel: vendor,
        enabled: saved?.enabled ?? 0,
        config_json: saved?.config_json ?? '{}',
        secrets_sealed: saved?.secrets_sealed ?? null,
        callback_key_hash: sha256Hex(key),
        updated_at: now,
        updated_by_person_id: actor.kind === 'account' ? actor.personId : null,
      });
      await this.audit.record(tx, actor, {
        action: 'channel.callback-key',
        entity: 'channel',
        entityId: vendor,
        unitId: null,
        after: { issued: true },
      });
    });
    return { callbackUrl: `${(this.publicUrl ?? '').replace(/\/$/, '')}/api/v1/callbacks/${vendor}/${key}` };
  }

  /** Is this the key of the vendor's callback URL? Compared as hashes, in constant time. */
  async callbackKeyMatches(vendor: Vendor, key: string): Promise<boolean> {
    const saved = await repo.find(this.db, vendor);
    if (!saved?.callback_key_hash) return false;
    const a = Buffer.from(saved.callback_key_hash, 'hex');
    const b = Buffer.from(sha256Hex(key), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async account<V extends Vendor>(vendor: V): Promise<VendorAccount<V> | null> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(vendor);
    if (cached && now - cached.at < CACHE_MS && now >= cached.at) return cached.account as VendorAccount<V> | null;
    const row = await repo.find(this.db, vendor);
    let account: VendorAccount<V> | null = null;
    if (row?.enabled === 1 && row.secrets_sealed) {
      const config = VENDOR_CONFIG[vendor].safeParse(JSON.parse(row.config_json));
      const secrets = VENDOR_SECRETS[vendor].safeParse(this.openSecrets(row.secrets_sealed));
      if (config.success && secrets.success)
        account = { config: config.data, secrets: secrets.data, version: row.updated_at } as VendorAccount<V>;
    }
    this.cache.set(vendor, { at: now, account });
    return account;
  }

  /** The saved secrets of a vendor, opened, for the callback checks that need them (WeCom's token and AES key). */
  async secretsOf<V extends Vendor>(vendor: V): Promise<Partial<z.infer<(typeof VENDOR_SECRETS)[V]>>> {
    const row = await repo.find(this.db, vendor);
    return (row?.secrets_sealed ? this.openSecrets(row.secrets_sealed) : {}) as Partial<
      z.infer<(typeof VENDOR_SECRETS)[V]>
    >;
  }

  /** The saved config of a vendor (whatever its state), for the callback checks. */
  async configOf(vendor: Vendor): Promise<Record<string, unknown>> {
    const row = await repo.find(this.db, vendor);
    return row ? (JSON.parse(row.config_json) as Record<string, unknown>) : {};
  }
}
