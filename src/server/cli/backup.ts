import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Container } from '../container.js';
import * as m from './messages.js';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * SQLite: the online backup API copies a consistent snapshot page by page while the server keeps
 * writing. PostgreSQL: pg_dump, which reads one consistent snapshot too.
 */
export async function backup(c: Container, out: string | undefined): Promise<void> {
  const target = c.config.database;
  if (target.dialect === 'sqlite' && c.sqlite) {
    const file = resolve(out ?? join(c.config.dataDir, 'backups', `steady-${stamp(new Date())}.db`));
    mkdirSync(dirname(file), { recursive: true });
    await c.sqlite.backup(file);
    console.log(m.backupDone(file));
    return;
  }
  if (target.dialect !== 'postgres') return;
  const file = resolve(out ?? join(c.config.dataDir, 'backups', `steady-${stamp(new Date())}.dump`));
  const command = `pg_dump --format=custom --file=${file} "${target.url}"`;
  mkdirSync(dirname(file), { recursive: true });
  const run = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, target.url], { stdio: 'inherit' });
  if (run.error || run.status !== 0) {
    console.error(m.pgBackupHint(command));
    process.exitCode = 1;
    return;
  }
  console.log(m.backupDone(file));
}
