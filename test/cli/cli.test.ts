// `npx hearth …` as a shell user runs it: against a stopped site (the CLI opens the database itself) and
// against a running server that holds the embedded database (the CLI goes through its control socket).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { assertBuilt, cliEntry, freePort, run, runToEnd, serverEntry, type Spawned } from '../support/processes';

before(() => assertBuilt());

test('hearth --help lists every command', async () => {
  const result = await runToEnd(cliEntry, ['--help'], {});
  assert.equal(result.code, 0);
  for (const command of ['start', 'db:migrate', 'setup-link', 'admin', 'apikey']) assert.match(result.stdout, new RegExp(`^\\s+${command}\\b`, 'm'));
  const apikey = await runToEnd(cliEntry, ['apikey', '--help'], {});
  for (const sub of ['create', 'list', 'revoke']) assert.match(apikey.stdout, new RegExp(`^\\s+${sub}\\b`, 'm'));
});

async function login(url: string, username: string, password: string): Promise<number> {
  const reply = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: username, password }) });
  return reply.status;
}

function lastLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

describe('on a stopped site', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  test('admin create reads the password from stdin; apikey create prints the key alone on its last line', async () => {
    const created = await runToEnd(cliEntry, ['admin', 'create', '--username', 'root_admin', '--email', 'root@example.com'], database.env, 'a long enough password\n');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created admin root_admin \(id \d+\)/);

    const key = await runToEnd(cliEntry, ['apikey', 'create', '--user', 'root_admin', '--scope', 'admin', '--name', 'deploy bot'], database.env);
    assert.equal(key.code, 0, key.stderr);
    assert.match(lastLine(key.stdout), /^hearth_[A-Za-z0-9_-]{20,}$/);

    const listed = await runToEnd(cliEntry, ['apikey', 'list', '--user', 'root_admin'], database.env);
    assert.match(listed.stdout, /admin\tdeploy bot\tcreated .*\tlast used never/);
    assert.doesNotMatch(listed.stdout, new RegExp(lastLine(key.stdout)), 'the key itself is never listed');

    const port = await freePort();
    const server = run(serverEntry, [], { ...database.env, PORT: String(port) });
    try {
      const [, url] = await server.waitFor(/Hearth is running at (\S+)/);
      assert.doesNotMatch(server.output().stdout, /setup\?token=/, 'no setup link once an admin exists');
      assert.equal(await login(url ?? '', 'root_admin', 'a long enough password'), 200);
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${lastLine(key.stdout)}` } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { username: string }).username, 'root_admin');
    } finally {
      await server.stop();
    }
  });

  test('bad input names the problem and exits non-zero', async () => {
    const scope = await runToEnd(cliEntry, ['apikey', 'create', '--user', 'root_admin', '--scope', 'god'], database.env);
    assert.equal(scope.code, 1);
    assert.match(scope.stderr, /'god' is invalid\. Allowed choices are read, write, admin/);
    const nobody = await runToEnd(cliEntry, ['apikey', 'create', '--user', 'nobody_here', '--scope', 'read'], database.env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /No member named nobody_here/);
    const weak = await runToEnd(cliEntry, ['admin', 'create', '--username', 'second', '--email', 'second@example.com'], database.env, 'short\n');
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /password/i);
    const noPassword = await runToEnd(cliEntry, ['admin', 'create', '--username', 'third', '--email', 'third@example.com'], database.env, '');
    assert.equal(noPassword.code, 1);
    assert.match(noPassword.stderr, /no password on standard input/);
    const missing = await runToEnd(cliEntry, ['admin', 'create', '--email', 'x@example.com'], database.env, 'whatever whatever\n');
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /--username/);
  });
});

describe('with the server running', () => {
  let database: TestDatabase;
  let server: Spawned;
  let url = '';
  before(async () => {
    database = await freshDatabase();
    server = run(serverEntry, [], { ...database.env, PORT: String(await freePort()) });
    url = (await server.waitFor(/Hearth is running at (\S+)/))[1] ?? '';
  });
  after(async () => {
    await server.stop();
    await database.drop();
  });

  test('setup-link, admin create, apikey create/list/revoke work while it runs', async () => {
    const link = await runToEnd(cliEntry, ['setup-link'], database.env);
    assert.equal(link.code, 0, link.stderr);
    const [token] = /setup\?token=[\w-]+/.exec(link.stdout) ?? [];
    assert.ok(token, link.stdout);
    const setup = await fetch(`${url}/api/setup?token=${token.split('=')[1] ?? ''}`);
    assert.deepEqual(await setup.json(), { needsSetup: true, tokenValid: true });

    const created = await runToEnd(cliEntry, ['admin', 'create', '--username', 'live_admin', '--email', 'live@example.com'], database.env, 'another long password\n');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(await login(url, 'live_admin', 'another long password'), 200);

    const after = await fetch(`${url}/api/setup`);
    assert.equal(((await after.json()) as { needsSetup: boolean }).needsSetup, false, 'setup closes once an admin exists');

    const key = await runToEnd(cliEntry, ['apikey', 'create', '--user', 'live_admin', '--scope', 'read'], database.env);
    assert.equal(key.code, 0, key.stderr);
    const secret = lastLine(key.stdout);
    const id = /API key (\d+)/.exec(key.stdout)?.[1] ?? '';
    assert.equal((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 200);
    const list = await runToEnd(cliEntry, ['apikey', 'list', '--user', 'live_admin'], database.env);
    assert.match(list.stdout, /last used \d{4}-/);

    const revoked = await runToEnd(cliEntry, ['apikey', 'revoke', id], database.env);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401, 'revoked at once');
  });
});
