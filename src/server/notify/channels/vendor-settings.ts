/**
 * What the vendor channels need from the channel settings, as a port: the notify layer never
 * reads the settings table, and tests give fixed settings. Secrets arrive opened.
 */
import type { Vendor, VendorConfig, VendorSecrets } from '../../../common/schemas/channels.js';
import { PermanentDeliveryError } from './channel.js';

export interface VendorAccount<V extends Vendor> {
  config: VendorConfig<V>;
  secrets: VendorSecrets<V>;
  /** Changes on every save, so clients and token caches built from an older version are dropped. */
  version: string;
}

export interface VendorSettingsSource {
  /** The enabled, fully configured account, or null. */
  account<V extends Vendor>(vendor: V): Promise<VendorAccount<V> | null>;
}

/** The account a send needs; a missing one is a configuration problem that waiting will not fix. */
export async function requireAccount<V extends Vendor>(
  source: VendorSettingsSource,
  vendor: V,
): Promise<VendorAccount<V>> {
  const account = await source.account(vendor);
  if (!account)
    throw new PermanentDeliveryError(`${vendor} is not configured or not enabled`, undefined, 'not_configured');
  return account;
}

/** Fixed settings, for tests and benchmarks. */
export function fixedVendorSettings(accounts: {
  [V in Vendor]?: { config: VendorConfig<V>; secrets: VendorSecrets<V> };
}): VendorSettingsSource {
  return {
    async account<V extends Vendor>(vendor: V) {
      const found = accounts[vendor] as { config: VendorConfig<V>; secrets: VendorSecrets<V> } | undefined;
      return found ? { ...found, version: 'fixed' } : null;
    },
  };
}

/**
 * An access token (WeCom, DingTalk) kept until shortly before it expires, fetched once however
 * many sends ask at the same moment, and dropped when the vendor says it is no longer valid.
 */
export class TokenCache {
  private readonly tokens = new Map<
    string,
    { token: string; until: number } | Promise<{ token: string; until: number }>
  >();

  async get(
    key: string,
    now: number,
    fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
  ): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && !(cached instanceof Promise) && cached.until > now) return cached.token;
    if (cached instanceof Promise) return (await cached).token;
    const pending = fetchToken().then(({ token, expiresInSeconds }) => {
      // Renewed five minutes early (or halfway for a short-lived token), never used after it lapses.
      const entry = { token, until: now + Math.max(expiresInSeconds * 1000 - 300_000, (expiresInSeconds * 1000) / 2) };
      this.tokens.set(key, entry);
      return entry;
    });
    this.tokens.set(key, pending);
    try {
      return (await pending).token;
    } catch (error) {
      this.tokens.delete(key);
      throw error;
    }
  }

  drop(key: string): void {
    this.tokens.delete(key);
  }
}
