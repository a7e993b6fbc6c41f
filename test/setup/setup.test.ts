// First run: while no admin exists, the one-time setup link makes the first admin and signs them in;
// then setup closes for good.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PASSWORD, uniqueName } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { ErrorBody } from '../support/bodies';

interface SetupStatus {
  needsSetup: boolean;
  tokenValid: boolean;
}

interface SetupReply {
  id: number;
  csrfToken: string;
  expiresAt: string;
  member: { id: number; username: string; email: string; role: string; trustLevel: number; emailConfirmed: boolean };
}

let server: TestServer;
let link: string;
let token: string;

before(async () => {
  server = await startTestServer();
});
after(() => server.close());

function setupBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const username = uniqueName('founder');
  return { token, username, email: `${username}@example.com`, password: PASSWORD, ...overrides };
}

async function adminCount(): Promise<number> {
  const row = await server.runtime.ctx.database.db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// The tests below run in order: they walk through one first run.

test('on first run, setup is open and the site says so', async () => {
  const status = await server.client().get<SetupStatus>('/api/setup');
  assert.equal(status.status, 200);
  assert.deepEqual(status.body, { needsSetup: true, tokenValid: false });
  const site = await server.client().get<{ needsSetup: boolean }>('/api/site');
  assert.equal(site.body.needsSetup, true);
});

test('issueLink gives a one-time link to /setup whose token GET /api/setup accepts', async () => {
  const issued = await server.runtime.services.setup.issueLink();
  assert.ok(issued, 'a link while no admin exists');
  link = issued;
  const url = new URL(link);
  assert.equal(url.pathname, '/setup');
  token = url.searchParams.get('token') ?? '';
  assert.ok(token.length >= 32, 'a long random token');
  const stored = await server.runtime.ctx.database.db.selectFrom('one_time_tokens').select(['token_hash', 'expires_at']).where('purpose', '=', 'setup').execute();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0]?.token_hash, token, 'only the hash is stored');
  assert.ok((stored[0]?.expires_at.getTime() ?? 0) > Date.now() + 3600_000);

  const valid = await server.client().get<SetupStatus>(`/api/setup?token=${encodeURIComponent(token)}`);
  assert.deepEqual(valid.body, { needsSetup: true, tokenValid: true });
  const wrong = await server.client().get<SetupStatus>(`/api/setup?token=${'w'.repeat(43)}`);
  assert.deepEqual(wrong.body, { needsSetup: true, tokenValid: false });
  const unknownParam = await server.client().get<ErrorBody>('/api/setup?tokn=abc');
  assert.equal(unknownParam.status, 400);
  assert.equal(unknownParam.body.error.field, 'tokn');
});

test('POST /api/setup with a wrong token is 400 invalid_token and creates nobody', async () => {
  const reply = await server.client().post<ErrorBody>('/api/setup', setupBody({ token: 'w'.repeat(43) }));
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error.code, 'invalid_token');
  assert.equal(reply.body.error.field, 'token');
  assert.equal(reply.headers.getSetCookie().length, 0);
  assert.equal(await adminCount(), 0);
});

test('POST /api/setup with an invalid body is 400 invalid_request naming the field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [setupBody({ token: 'short' }), 'token'],
    [setupBody({ username: 'no spaces allowed' }), 'username'],
    [setupBody({ email: 'not-an-email' }), 'email'],
    [setupBody({ role: 'admin' }), 'role'],
  ];
  const missingPassword = setupBody();
  delete missingPassword.password;
  cases.push([missingPassword, 'password']);
  for (const [body, field] of cases) {
    const reply = await server.client().post<ErrorBody>('/api/setup', body);
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.body.error.code, 'invalid_request');
    assert.equal(reply.body.error.field, field);
  }
  const weak = await server.client().post<ErrorBody>('/api/setup', setupBody({ password: 'short' }));
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error.code, 'weak_password');
  assert.equal(weak.body.error.field, 'password');
  assert.equal(await adminCount(), 0);
  const status = await server.client().get<SetupStatus>(`/api/setup?token=${encodeURIComponent(token)}`);
  assert.deepEqual(status.body, { needsSetup: true, tokenValid: true }, 'refused attempts do not use up the link');
});

test('POST /api/setup with the right token is 201: it creates the admin and signs them in', async () => {
  const client = server.client();
  const body = setupBody();
  const reply = await client.post<SetupReply>('/api/setup', body);
  assert.equal(reply.status, 201, reply.text);
  assert.equal(typeof reply.body.id, 'number');
  assert.equal(reply.body.member.id, reply.body.id);
  assert.equal(reply.body.member.username, body.username);
  assert.equal(reply.body.member.email, body.email);
  assert.equal(reply.body.member.role, 'admin');
  assert.equal(reply.body.member.emailConfirmed, true);
  assert.equal(typeof reply.body.csrfToken, 'string');
  assert.ok(Date.parse(reply.body.expiresAt) > Date.now());
  const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
  assert.ok(cookie);
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);

  const me = await client.get<{ id: number; role: string }>('/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.id, reply.body.id);
  assert.equal(me.body.role, 'admin');
  const settings = await client.get('/api/admin/settings');
  assert.equal(settings.status, 200, 'the new admin has admin rights');
  assert.equal(await adminCount(), 1);

  const audit = await client.get<{ items: { action: string; targetId: string | null; actorId: number | null }[] }>('/api/admin/audit-log?action=account.create');
  assert.equal(audit.status, 200);
  assert.ok(audit.body.items.some((e) => e.targetId === String(reply.body.id) && e.actorId === null), 'the first admin\'s creation is audited');
});

test('afterwards the token no longer works, setup says closed and issueLink gives nothing', async () => {
  const reuse = await server.client().post<ErrorBody>('/api/setup', setupBody());
  assert.equal(reuse.status, 409);
  assert.equal(reuse.body.error.code, 'setup_complete');
  assert.equal(await adminCount(), 1);

  const status = await server.client().get<SetupStatus>(`/api/setup?token=${encodeURIComponent(token)}`);
  assert.deepEqual(status.body, { needsSetup: false, tokenValid: false });
  const site = await server.client().get<{ needsSetup: boolean }>('/api/site');
  assert.equal(site.body.needsSetup, false);

  const spent = await server.runtime.ctx.database.db.selectFrom('one_time_tokens').select('used_at').where('purpose', '=', 'setup').execute();
  assert.ok(spent.length >= 1 && spent.every((t) => t.used_at !== null), 'every setup token is retired');
  assert.equal(await server.runtime.services.setup.issueLink(), undefined);
});

test('one setup link makes one admin, even when two requests race with it', async () => {
  const other = await startTestServer();
  try {
    const issued = await other.runtime.services.setup.issueLink();
    assert.ok(issued);
    const raceToken = new URL(issued).searchParams.get('token') ?? '';
    const bodies = [0, 1].map(() => {
      const username = uniqueName('racer');
      return { token: raceToken, username, email: `${username}@example.com`, password: PASSWORD };
    });
    const replies = await Promise.all(bodies.map((body) => other.client().post<ErrorBody>('/api/setup', body)));
    const statuses = replies.map((r) => r.status).sort();
    assert.equal(statuses[0], 201, replies.map((r) => r.text).join('\n'));
    assert.ok(statuses[1] === 400 || statuses[1] === 409, `the second request is refused (got ${statuses.join(', ')})`);
    const loser = replies.find((r) => r.status !== 201);
    assert.ok(loser && ['invalid_token', 'setup_complete'].includes(loser.body.error.code));
    const admins = await other.runtime.ctx.database.db.selectFrom('accounts').select('username').where('role', '=', 'admin').execute();
    assert.equal(admins.length, 1);
    const members = await other.runtime.ctx.database.db.selectFrom('accounts').select('username').execute();
    assert.equal(members.length, 1, 'the refused request created no account at all');
  } finally {
    await other.close();
  }
});
