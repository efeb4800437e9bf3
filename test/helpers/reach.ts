/* Shared set-up for the reaching-people tests: vendor accounts configured through the API, as an administrator
   would. */
import assert from 'node:assert/strict';
import type { Vendor } from '../../src/common/schemas/channels.js';
import type { DialectName } from '../../src/server/db/database.js';
import { FakeClock } from '../../src/server/lib/clock.js';
import { createChannels } from '../../src/server/notify/channels/index.js';
import { createTestApp, type Client, type TestApp } from './app.js';
import { vendorAccounts } from '../receivers/vendor-accounts.js';
import { startVendorReceiver, type VendorReceiver } from '../receivers/vendor-receiver.js';

export const SECRET_KEY = 'test-secret-key-for-sealing-vendor-secrets-0123456789';
export const PUBLIC_URL = 'https://steady.example.cn';

/** Saves and enables the vendors, each pointed at the fake; returns the callback URL paths issued. */
export async function configureVendors(
  admin: Client,
  v: VendorReceiver,
  vendors: Vendor[],
): Promise<Record<string, string>> {
  const accounts = vendorAccounts(v) as Record<string, { config: object; secrets: Record<string, string> }>;
  const callbacks: Record<string, string> = {};
  for (const vendor of vendors) {
    const { config, secrets } = accounts[vendor]!;
    const saved = await admin.inject({
      method: 'PUT',
      url: `/api/v1/channels/${vendor}`,
      payload: { enabled: true, config, secrets },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const key = await admin.post(`/api/v1/channels/${vendor}/callback-key`);
    assert.equal(key.statusCode, 200, key.body);
    callbacks[vendor] = new URL(key.json().callbackUrl as string).pathname;
  }
  return callbacks;
}

export async function personIdOf(t: TestApp, username: string): Promise<string> {
  return (
    await t.c.db.selectFrom('accounts').select('person_id').where('username', '=', username).executeTakeFirstOrThrow()
  ).person_id;
}

export async function setContacts(admin: Client, personId: string, methods: object[]): Promise<void> {
  const res = await admin.inject({ method: 'PUT', url: `/api/v1/people/${personId}/contacts`, payload: { methods } });
  assert.equal(res.statusCode, 200, res.body);
}

/** The acknowledge token in the text a person received, as the URL /a/<token> carries it. */
export function tokenIn(text: string): string {
  const token = /\/a\/([A-Za-z0-9_-]{32})/.exec(text)?.[1];
  assert.ok(token, `no acknowledge link in: ${text}`);
  return token;
}

/**
 * A test app on a fast-forwarded clock whose channels read the vendor accounts saved through the
 * API, the vendor fakes dated by that clock, and sessions that outlast a fast-forwarded day.
 */
export async function startReachApp(
  dialect: DialectName,
  start: Date,
): Promise<{ t: TestApp; clock: FakeClock; v: VendorReceiver; close(): Promise<void> }> {
  const clock = new FakeClock(start);
  const v = await startVendorReceiver({ now: () => clock.now().getTime() });
  const t = await createTestApp(dialect, {
    demo: true,
    clock,
    env: { STEADY_SECRET_KEY: SECRET_KEY, STEADY_PUBLIC_URL: PUBLIC_URL, STEADY_SESSION_HOURS: '720' },
    channels: (vendors) => createChannels({ vendors, timeoutMs: 3000 }),
  });
  return {
    t,
    clock,
    v,
    close: async () => {
      await t.close();
      await v.close();
    },
  };
}
