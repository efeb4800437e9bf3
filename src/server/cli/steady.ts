#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../common/org.js';
import { loadConfig } from '../config.js';
import { createContainer, type Container } from '../container.js';
import { migrateToLatest } from '../db/migrate.js';
import { TravelClock } from '../demo/demo-clock.js';
import { loadDemo } from '../demo/load-demo.js';
import { startServer } from '../server.js';
import { newAuditKeyPem, parseAuditKeys, publicKeyPem } from '../modules/audit/audit-keys.js';
import { backup } from './backup.js';
import { demoPassword } from './demo-password.js';
import * as m from './messages.js';
import { addUser, resetPassword } from './users.js';

/** Opens the database, brings it up to date, runs `work`, closes. */
async function withContainer<T>(work: (c: Container) => Promise<T>): Promise<T> {
  const c = createContainer(loadConfig());
  try {
    await migrateToLatest(c.db);
    return await work(c);
  } finally {
    await c.close();
  }
}

const program = new Command('steady')
  .description('Steady: emergency readiness and incident response')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the server (PORT, STEADY_DATA_DIR, STEADY_DATABASE_URL)')
  .action(async () => {
    const server = await startServer(loadConfig());
    console.log(m.listening(server.url));
    if (await server.container.setup.needed()) console.log(m.setupHint(server.url));
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const c = createContainer(loadConfig());
    const result = await migrateToLatest(c.db);
    console.log(m.migrated((result.results ?? []).map((r) => r.migrationName)));
    await c.close();
  });

program
  .command('demo')
  .description(
    'load the sample organisation into an empty database, with a small made-up class roster at one school ' +
      '(STEADY_DEMO_PASSWORD sets the password)',
  )
  .option('--serve', 'then start the server')
  .option(
    '--sample-plans',
    'also publish a standing plan from the templates for each school, kindergarten and community',
  )
  .option(
    '--history',
    'also write the last 60 days of activity under those plans (daily reports, ' +
      'incidents, drills, inspections, visitors, cases); implies --sample-plans',
  )
  .action(async (options: { serve?: boolean; samplePlans?: boolean; history?: boolean }) => {
    const config = loadConfig();
    const { password, generated } = demoPassword(config);
    // The past is written through the services with this clock walking from then to now; then it follows the system
    // time.
    const clock = new TravelClock();
    const c = createContainer(config, { clock });
    try {
      await migrateToLatest(c.db);
      const started = performance.now();
      const result = await loadDemo(c, password, {
        samplePlans: options.samplePlans ?? false,
        history: options.history ? clock : undefined,
        sampleRosters: true,
      });
      clock.release();
      console.log(result.loaded ? m.demoLoaded(result.units, result.people) : m.demoKept());
      if (result.plans > 0) console.log(m.samplePlansPublished(result.plans));
      if (result.history) console.log(m.demoHistory(result.history, (performance.now() - started) / 1000));
    } catch (error) {
      await c.close();
      throw error;
    }
    if (!options.serve) {
      await c.close();
      // Printed here too: a later `steady serve` does not say it, and a generated one is otherwise only in the file.
      console.log(m.demoPassword(password, generated));
      return;
    }
    const server = await startServer(config, c);
    console.log(m.listening(server.url));
    console.log(m.demoSignIn(server.url, password, generated));
  });

const user = program.command('user').description('accounts');
user
  .command('add <username>')
  .description('create a person with an account (prints a generated password unless --password-stdin)')
  .requiredOption('--name <name>', 'the person’s name')
  .requiredOption('--unit <unit>', 'unit id or exact unit name')
  .addOption(new Option('--role <role...>', 'roles in that unit').choices([...ROLES]).default(['admin']))
  .option('--password-stdin', 'read the password from standard input')
  .action((username: string, o: { name: string; unit: string; role: Role[]; passwordStdin?: boolean }) =>
    withContainer(async (c) => {
      const result = await addUser(c, {
        username,
        name: o.name,
        unit: o.unit,
        roles: o.role,
        passwordFromStdin: Boolean(o.passwordStdin),
      });
      console.log(m.userAdded(result.username, result.shownPassword));
    }),
  );
user
  .command('reset-password <username>')
  .description('set a new password (prints a generated one unless --password-stdin)')
  .option('--password-stdin', 'read the password from standard input')
  .action((username: string, o: { passwordStdin?: boolean }) =>
    withContainer(async (c) => {
      const shown = await resetPassword(c, username, Boolean(o.passwordStdin));
      console.log(m.passwordReset(username, shown));
    }),
  );

program
  .command('backup')
  .description('a consistent copy of the SQLite database while Steady runs; for PostgreSQL, pg_dump')
  .option('--out <file>', 'where to write it (default: <data dir>/backups/steady-<time>.db)')
  .action((o: { out?: string }) => withContainer((c) => backup(c, o.out)));

// --- audit (issue #12 item 9, #15) ---
const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description(
    'check entries, chain, head and signed checkpoints; names the first thing cut short, altered or recomputed',
  )
  .option(
    '--checkpoints <file>',
    'compare with this checkpoints file (default: STEADY_AUDIT_CHECKPOINT_DIR/audit-checkpoints.jsonl)',
  )
  .action((o: { checkpoints?: string }) =>
    withContainer(async (c) => {
      const result = await c.audit.verify(c.db, { checkpointsFile: o.checkpoints });
      if (!result.ok) {
        console.error(m.auditBad(result.problem!));
        process.exitCode = 1;
        return;
      }
      console.log(m.auditOk(result.checked, result.waiting));
      if (result.lastCheckpoint) console.log(m.auditCheckpointOk(result.lastCheckpoint.pos, result.lastCheckpoint.at));
      for (const warning of result.warnings) console.log(m.auditWarning(warning));
    }),
  );
audit
  .command('keygen')
  .description('write a new audit key (Ed25519, PEM); point STEADY_AUDIT_KEY_FILE at it, outside the data directory')
  .requiredOption('--out <file>', 'where to write it (refused if it exists)')
  .action((o: { out: string }) => {
    const pem = newAuditKeyPem();
    writeFileSync(o.out, pem, { mode: 0o600, flag: 'wx' });
    const [key] = parseAuditKeys(pem);
    console.log(m.auditKeyWritten(o.out, key!.id, publicKeyPem(key!)));
  });
audit
  .command('checkpoint')
  .description(
    'chain what waits and append a signed checkpoint now (the server also does every STEADY_AUDIT_CHECKPOINT_MINUTES)',
  )
  .action(() =>
    withContainer(async (c) => {
      const written = await c.audit.checkpoints.write();
      console.log(written ? m.auditCheckpointWritten(written.pos, c.audit.checkpoints.file!) : m.auditNoCheckpoint());
    }),
  );
// --- end audit ---

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
