import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { newSecret } from '../lib/ids.js';

/**
 * The sample accounts' password: STEADY_DEMO_PASSWORD, or one generated on the first run and
 * kept beside the database so that a restart still prints the right one.
 */
export function demoPassword(config: Config): { password: string; generated: boolean } {
  if (config.demoPassword) return { password: config.demoPassword, generated: false };
  const file = join(config.dataDir, 'demo-password.txt');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), generated: true };
  const password = newSecret(9);
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, generated: true };
}
