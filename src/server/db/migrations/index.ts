import type { Migration } from 'kysely';
import * as foundation from './20261129_0800_foundation.js';

/** Every migration, in order. Names carry a timestamp prefix; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  '20261129_0800_foundation': foundation,
};
