import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (nothing is written). */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// Each boundary in eslint.config.js, caught on a deliberate example, and the allowed import beside it.
describe('lint keeps the boundaries: web, server and common, and each module’s repository', () => {
  it('refuses a web screen importing server code', async () => {
    const broken = await rulesBroken(
      'src/web/features/example/api.ts',
      "import { MESSAGES } from '../../../server/lib/messages.js';\nexport const n = Object.keys(MESSAGES).length;\n",
    );
    assert.deepEqual(broken, ['no-restricted-imports']);
    assert.deepEqual(
      await rulesBroken(
        'src/web/features/example/api.ts',
        "import { ROLES } from '../../../common/org.js';\nexport const n = ROLES.length;\n",
      ),
      [],
    );
  });

  it('refuses the server importing the web app', async () => {
    const broken = await rulesBroken(
      'src/server/modules/example/example.ts',
      "import { en } from '../../../web/i18n/en.js';\nexport const n = Object.keys(en).length;\n",
    );
    assert.deepEqual(broken, ['no-restricted-imports']);
  });

  const refusesModuleReadingAnother =
    'refuses a module reading another module’s repository; its own repository and the other’s port are fine';
  it(refusesModuleReadingAnother, async () => {
    const file = 'src/server/modules/visitors/example.ts';
    for (const from of [
      '../units/units.repository.js',
      '../../notify/deliveries.repository.js',
      '../../engine/deadlines.repository.js',
    ]) {
      assert.deepEqual(
        await rulesBroken(file, `import * as other from '${from}';\nexport const n = Object.keys(other).length;\n`),
        ['no-restricted-imports'],
        from,
      );
    }
    for (const from of [
      './visitors.repository.js',
      '../units/units.read-port.js',
      '../../notify/deliveries.read-port.js',
    ]) {
      assert.deepEqual(
        await rulesBroken(file, `import * as other from '${from}';\nexport const n = Object.keys(other).length;\n`),
        [],
        from,
      );
    }
  });

  it('refuses src/common importing either side', async () => {
    for (const from of ['../server/lib/messages.js', '../web/i18n/en.js']) {
      const broken = await rulesBroken(
        'src/common/example.ts',
        `import * as other from '${from}';\nexport const n = Object.keys(other).length;\n`,
      );
      assert.deepEqual(broken, ['no-restricted-imports'], from);
    }
  });

  it('refuses a line over 120 characters, a long string included, and passes the same text split', async () => {
    const long = `export const text =\n  '${'安'.repeat(10)}${'x'.repeat(110)}';\n`;
    assert.deepEqual(await rulesBroken('src/server/lib/example.ts', long), ['max-len']);
    const split = `export const text =\n  '${'安'.repeat(10)}${'x'.repeat(50)}' +\n  '${'x'.repeat(50)}';\n`;
    assert.deepEqual(await rulesBroken('src/server/lib/example.ts', split), []);
  });

  it('checks the house format: Prettier at 120 columns finds nothing to change in the tree', () => {
    const check = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.', '--log-level', 'warn'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  it('refuses an import cycle, a type-only import included (dependency-cruiser, as `npm run lint` runs it)', () => {
    const run = (path: string) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
          path,
          '--config',
          '.dependency-cruiser.cjs',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const cycle = run('test/fixtures/import-cycle');
    assert.notEqual(cycle.status, 0, 'the cycle fails the check');
    assert.match(cycle.stdout, /no-circular: test\/fixtures\/import-cycle\/(first|second)\.ts/);
    const leaf = run('src/common/locale.ts');
    assert.equal(leaf.status, 0, leaf.stdout);
  });
});
