// Start-up as a user meets it: the built server as a real process, its first-run message, and every way
// it refuses to start — with one clear line, a non-zero exit and nothing changed on disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testDbKind, type TestDatabase } from '../support/databases';
import { assertBuilt, freePort, run, runToEnd, serverEntry, snapshot } from '../support/processes';

const embeddedOnly = { skip: testDbKind !== 'pglite' && 'embedded database only' };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-startup-'));
before(() => assertBuilt());
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  return lines[0] ?? '';
}

describe('a running server', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  test('prints its URL and the one-time setup link, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = run(serverEntry, [], { ...database.env, PORT: String(port) });
    try {
      const [, url] = await server.waitFor(/Hearth is running at (http:\/\/\S+)/);
      assert.equal(url, `http://127.0.0.1:${port}`);
      const [link] = await server.waitFor(/http:\/\/\S+\/setup\?token=[\w-]+/);
      assert.ok(link.startsWith(`http://127.0.0.1:${port}/setup?token=`));
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      const result = await server.stop();
      assert.equal(result.code, 0, result.stderr);
    }
  });

  test('a second process on the same embedded data dir fails at once, naming the holder', embeddedOnly, async () => {
    const first = run(serverEntry, [], { ...database.env, PORT: String(await freePort()) });
    try {
      await first.waitFor(/Hearth is running at/);
      const dataDir = database.env.HEARTH_DATA_DIR ?? '';
      const before = snapshot(path.join(dataDir, 'db'));
      const second = await runToEnd(serverEntry, [], { ...database.env, PORT: String(await freePort()) });
      assert.notEqual(second.code, 0);
      const line = oneLine(second.stderr);
      assert.match(line, /in use by another Hearth process \(pid \d+/);
      assert.match(line, new RegExp(`pid ${first.child.pid ?? 0}`));
      assert.equal(fs.existsSync(path.join(dataDir, 'hearth.lock')), true);
      assert.ok(before.length > 0);
    } finally {
      await first.stop();
    }
  });
});

test('a port in use stops start-up before the data dir is touched', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataDir = path.join(scratch, 'port-in-use');
  try {
    const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: dataDir, PORT: String(port) });
    assert.equal(result.code, 1);
    assert.match(oneLine(result.stderr), new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    assert.equal(fs.existsSync(dataDir), false, 'the data dir was not created');
  } finally {
    blocker.close();
  }
});

test('a bad environment value names the variable and what it expects', async () => {
  const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: path.join(scratch, 'never'), PORT: 'eighty' });
  assert.equal(result.code, 1);
  assert.match(oneLine(result.stderr), /PORT must be an integer from 0 to 65535 \(got "eighty"\)/);
  const redis = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: path.join(scratch, 'never'), REDIS_URL: 'http://nope' });
  assert.match(oneLine(redis.stderr), /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  assert.equal(fs.existsSync(path.join(scratch, 'never')), false);
});

test('an unreachable DATABASE_URL stops start-up with one line', async () => {
  const port = await freePort();
  const result = await runToEnd(serverEntry, [], { DATABASE_URL: `postgres://127.0.0.1:${port}/nothing`, PORT: String(await freePort()) });
  assert.equal(result.code, 1);
  assert.match(oneLine(result.stderr), new RegExp(`Cannot connect to PostgreSQL at postgres://127.0.0.1:${port}/nothing`));
});

test('a data dir that is a file, or holds something else, is refused and left as it was', embeddedOnly, async () => {
  const file = path.join(scratch, 'a-file');
  fs.writeFileSync(file, 'not a directory');
  const asFile = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: file, PORT: String(await freePort()) });
  assert.equal(asFile.code, 1);
  assert.match(oneLine(asFile.stderr), /is a file, not a directory/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'not a directory');

  const foreign = path.join(scratch, 'foreign');
  fs.mkdirSync(foreign);
  fs.writeFileSync(path.join(foreign, 'thesis.docx'), 'precious');
  const before = snapshot(foreign);
  const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: foreign, PORT: String(await freePort()) });
  assert.equal(result.code, 1);
  assert.match(oneLine(result.stderr), /is not empty and holds no Hearth database \(found thesis\.docx\)/);
  assert.deepEqual(snapshot(foreign), before);
});

test('an unreadable data dir is refused', { skip: process.getuid?.() === 0 ? 'root can read any directory' : false }, async () => {
  const locked = path.join(scratch, 'locked');
  fs.mkdirSync(locked, { mode: 0o000 });
  const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: locked, PORT: String(await freePort()) });
  assert.equal(result.code, 1);
  assert.match(oneLine(result.stderr), /is not readable and writable/);
});

describe('a data dir written by a newer Hearth', embeddedOnly, () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  test('a newer migration is refused before the database opens', async () => {
    const dataDir = database.env.HEARTH_DATA_DIR ?? '';
    const stateFile = path.join(dataDir, 'hearth-state.json');
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Record<string, string>;
    fs.writeFileSync(stateFile, JSON.stringify({ ...state, lastMigration: '9999_from_the_future', appVersion: '99.0.0' }));
    const before = snapshot(dataDir);
    const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: dataDir, PORT: String(await freePort()) });
    assert.equal(result.code, 1);
    assert.match(oneLine(result.stderr), /written by a newer Hearth \(99\.0\.0, migration 9999_from_the_future is unknown to this build\); upgrade Hearth/);
    assert.deepEqual(snapshot(dataDir), before, 'nothing on disk changed');
    fs.writeFileSync(stateFile, JSON.stringify(state));
  });

  test('a newer database format is refused', async () => {
    const dataDir = database.env.HEARTH_DATA_DIR ?? '';
    const versionFile = path.join(dataDir, 'db', 'PG_VERSION');
    const original = fs.readFileSync(versionFile, 'utf8');
    fs.writeFileSync(versionFile, '99\n');
    try {
      const before = snapshot(dataDir);
      const result = await runToEnd(serverEntry, [], { HEARTH_DATA_DIR: dataDir, PORT: String(await freePort()) });
      assert.equal(result.code, 1);
      assert.match(oneLine(result.stderr), /written by a newer Hearth \(database format 99/);
      assert.deepEqual(snapshot(dataDir), before);
    } finally {
      fs.writeFileSync(versionFile, original);
    }
  });
});
