import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

const PACKAGE = resolve(import.meta.dirname, '..', '..');

describe('loadConfig', () => {
  it('needs no setting: SQLite under ./data on port 8080', () => {
    const config = loadConfig({}, '/srv/steady');
    assert.deepEqual(config.database, { dialect: 'sqlite', path: '/srv/steady/data/steady.db' });
    assert.equal(config.port, 8080);
    assert.ok(Object.isFrozen(config));
  });
  it('finds the built front end from its own files, whatever folder it is started in', () => {
    assert.equal(loadConfig({}, '/srv/elsewhere').webDir, join(PACKAGE, 'dist', 'web'));
    assert.equal(loadConfig({}, '/').webDir, join(PACKAGE, 'dist', 'web'));
    assert.equal(
      loadConfig({ STEADY_WEB_DIR: 'public' }, '/srv/steady').webDir,
      '/srv/steady/public',
      'a chosen folder is still relative to the start folder',
    );
  });
  it('honours PORT, STEADY_DATA_DIR and a PostgreSQL URL', () => {
    const config = loadConfig(
      { PORT: '9000', STEADY_DATA_DIR: '/var/lib/steady', STEADY_DATABASE_URL: 'postgres://u@db/steady' },
      '/',
    );
    assert.equal(config.port, 9000);
    assert.equal(config.dataDir, '/var/lib/steady');
    assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://u@db/steady' });
  });
  it('names the setting that is wrong', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT: expected a whole number/);
    assert.throws(
      () => loadConfig({ STEADY_DATABASE_URL: 'mysql://x' }),
      /STEADY_DATABASE_URL: expected sqlite:<path> or postgres/,
    );
    assert.throws(
      () => loadConfig({ STEADY_SECURE_COOKIES: 'maybe' }),
      /STEADY_SECURE_COOKIES: expected true or false/,
    );
  });
});
