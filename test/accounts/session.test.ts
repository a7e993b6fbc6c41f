// Logging in and out, CSRF on cookie writes, failed-login throttling, the member's own profile and
// password changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS } from '../../src/server/features/accounts/accounts.rules';
import type { Client } from '../support/client';
import { PASSWORD, createApiKey, createMember, signUp, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { ErrorBody, MeBody } from '../support/bodies';

interface SessionBody {
  csrfToken: string;
  expiresAt: string;
  member: MeBody;
}

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A client that sends the given session cookie and nothing learnt from earlier replies. */
function replay(cookie: string, csrfToken?: string): Client {
  const client = server.client();
  client.cookies.set('hearth_session', cookie);
  client.csrfToken = csrfToken;
  return client;
}

async function sessionCount(memberId: number): Promise<number> {
  const row = await server.runtime.ctx.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function storedBio(memberId: number): Promise<string> {
  const row = await server.runtime.ctx.database.db.selectFrom('members').select('bio').where('id', '=', memberId).executeTakeFirstOrThrow();
  return row.bio;
}

describe('POST /api/session', () => {
  test('logs in by username or by email, case-insensitively, with a new session and CSRF token each time', async () => {
    const member = await signUp(server);
    const before = await sessionCount(member.id);
    const tokens = new Set<string>();
    for (const login of [member.username, member.username.toUpperCase(), member.email, member.email.toUpperCase(), `  ${member.email}  `]) {
      const client = server.client();
      const reply = await client.post<SessionBody>('/api/session', { login, password: PASSWORD });
      assert.equal(reply.status, 200, `${login}: ${reply.text}`);
      assert.equal(reply.body.member.id, member.id);
      assert.equal(reply.body.member.username, member.username);
      assert.equal(reply.body.member.email, member.email);
      assert.equal(typeof reply.body.csrfToken, 'string');
      assert.ok(reply.body.csrfToken.length >= 20);
      assert.ok(Date.parse(reply.body.expiresAt) > Date.now() + 24 * 3600 * 1000);
      assert.ok(client.cookies.get('hearth_session'), 'the session cookie is set');
      tokens.add(reply.body.csrfToken);
      const me = await client.get<MeBody>('/api/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.id, member.id);
    }
    assert.equal(tokens.size, 5, 'every login has its own CSRF token');
    assert.equal(await sessionCount(member.id), before + 5);
  });

  test('a wrong password is 401 invalid_credentials with the same message whether or not the account exists', async () => {
    const member = await signUp(server);
    const wrong = await server.client().post<ErrorBody>('/api/session', { login: member.username, password: 'not the password' });
    const unknown = await server.client().post<ErrorBody>('/api/session', { login: uniqueName('nobody'), password: 'not the password' });
    for (const reply of [wrong, unknown]) {
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error.code, 'invalid_credentials');
      assert.equal(reply.body.error.field, undefined, 'no field points at the username or the password');
      assert.equal(reply.headers.getSetCookie().length, 0, 'no session cookie');
    }
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    assert.ok(!wrong.text.includes(member.username));
  });

  test('an invalid login body is 400 invalid_request naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ password: PASSWORD }, 'login'],
      [{ login: 'someone' }, 'password'],
      [{ login: '', password: PASSWORD }, 'login'],
      [{ login: 'someone', password: PASSWORD, remember: true }, 'remember'],
      [{ login: { name: 'someone' }, password: PASSWORD }, 'login'],
    ];
    for (const [body, field] of cases) {
      const reply = await server.client().post<ErrorBody>('/api/session', body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field);
    }
  });
});

describe('GET /api/session', () => {
  test('401 unauthorized when signed out, and when the cookie is not a live session', async () => {
    const signedOut = await server.client().get<ErrorBody>('/api/session');
    assert.equal(signedOut.status, 401);
    assert.equal(signedOut.body.error.code, 'unauthorized');
    const bogus = await replay('not-a-real-session-token').get<ErrorBody>('/api/session');
    assert.equal(bogus.status, 401);
    assert.equal(bogus.body.error.code, 'unauthorized');
    assert.ok(bogus.headers.getSetCookie().some((c) => /^hearth_session=;/.test(c)), 'a dead session cookie is cleared');
  });

  test('200 with the session\'s CSRF token, expiry and member when signed in', async () => {
    const member = await createMember(server);
    const login = await member.client.post<SessionBody>('/api/session', { login: member.username, password: PASSWORD });
    const reply = await member.client.get<SessionBody>('/api/session');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.csrfToken, login.body.csrfToken);
    assert.equal(reply.body.expiresAt, login.body.expiresAt);
    assert.equal(reply.body.member.id, member.id);
    assert.equal(reply.body.member.username, member.username);
  });
});

describe('CSRF protection of cookie writes', () => {
  test('a write without X-CSRF-Token is 403 csrf_failed and changes nothing', async () => {
    const member = await createMember(server);
    const reply = await member.client.patch<ErrorBody>('/api/me', { bio: 'forged' }, { noCsrf: true });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'csrf_failed');
    assert.equal(await storedBio(member.id), '');
  });

  test('a wrong token, or another session\'s token, is 403 csrf_failed', async () => {
    const member = await createMember(server);
    const other = await createMember(server);
    for (const token of ['wrong-token', member.client.csrfToken?.slice(0, -1) ?? 'x', other.client.csrfToken ?? 'x']) {
      const reply = await member.client.patch<ErrorBody>('/api/me', { bio: 'forged' }, { noCsrf: true, headers: { 'x-csrf-token': token } });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'csrf_failed');
    }
    assert.equal(await storedBio(member.id), '');
    const honest = await member.client.patch<MeBody>('/api/me', { bio: 'mine' });
    assert.equal(honest.status, 200);
    assert.equal(await storedBio(member.id), 'mine');
  });

  test('logging out needs the token too: without it the session stays', async () => {
    const member = await createMember(server);
    const reply = await member.client.delete<ErrorBody>('/api/session', { noCsrf: true });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'csrf_failed');
    assert.equal((await member.client.get('/api/me')).status, 200);
    assert.equal(await sessionCount(member.id), 1);
  });

  test('API keys need no CSRF token', async () => {
    const member = await createMember(server);
    const { key } = await createApiKey(member, 'write');
    const reply = await member.client.patch<MeBody>('/api/me', { company: 'Bots Inc' }, { apiKey: key });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.company, 'Bots Inc');
  });
});

describe('DELETE /api/session', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().delete<ErrorBody>('/api/session');
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('logs out: 204, the cookie is cleared, the session row is gone and the old cookie is refused at once', async () => {
    const member = await createMember(server);
    const cookie = member.client.cookies.get('hearth_session');
    assert.ok(cookie);
    const csrf = member.client.csrfToken;
    // Resolve the session once so it sits in the credential cache.
    assert.equal((await member.client.get('/api/me')).status, 200);
    assert.equal((await replay(cookie).get('/api/me')).status, 200);

    const reply = await member.client.delete('/api/session');
    assert.equal(reply.status, 204);
    assert.equal(reply.text, '');
    const cleared = reply.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
    assert.ok(cleared, 'the cookie is cleared');
    assert.match(cleared, /^hearth_session=;/);
    assert.match(cleared, /Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    assert.equal(member.client.cookies.has('hearth_session'), false);
    assert.equal(await sessionCount(member.id), 0);

    const after = await member.client.get<ErrorBody>('/api/me');
    assert.equal(after.status, 401);
    const replayed = await replay(cookie, csrf).get<ErrorBody>('/api/me');
    assert.equal(replayed.status, 401, 'the logged-out token no longer works, even though it was cached');
    assert.equal(replayed.body.error.code, 'unauthorized');
    const replayedWrite = await replay(cookie, csrf).patch<ErrorBody>('/api/me', { bio: 'after logout' });
    assert.equal(replayedWrite.status, 401);
    assert.equal(await storedBio(member.id), '');
  });

  test('logging out ends only that session', async () => {
    const member = await createMember(server);
    const second = server.client();
    assert.equal((await second.post('/api/session', { login: member.username, password: PASSWORD })).status, 200);
    assert.equal((await member.client.delete('/api/session')).status, 204);
    assert.equal((await second.get('/api/me')).status, 200);
    assert.equal(await sessionCount(member.id), 1);
  });
});

describe('GET and PATCH /api/me', () => {
  test('401 without credentials', async () => {
    const read = await server.client().get<ErrorBody>('/api/me');
    assert.equal(read.status, 401);
    assert.equal(read.body.error.code, 'unauthorized');
    const write = await server.client().patch<ErrorBody>('/api/me', { bio: 'x' });
    assert.equal(write.status, 401);
    assert.equal(write.body.error.code, 'unauthorized');
  });

  test('GET /api/me shows the member\'s private fields', async () => {
    const member = await createMember(server);
    const reply = await member.client.get<MeBody>('/api/me');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, member.id);
    assert.equal(reply.body.email, member.email);
    assert.equal(reply.body.role, 'member');
  });

  test('an invalid patch is 400 invalid_request naming the field, and changes nothing', async () => {
    const member = await createMember(server);
    const cases: [unknown, string][] = [
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ avatarUrl: 'data:image/png;base64,AAAA' }, 'avatarUrl'],
      [{ avatarUrl: 'ftp://example.com/a.png' }, 'avatarUrl'],
      [{ bio: 'b'.repeat(2001) }, 'bio'],
      [{ displayName: 'd'.repeat(61) }, 'displayName'],
      [{ displayName: 'Two\nlines' }, 'displayName'],
      [{ displayName: 'Tab\there' }, 'displayName'],
      [{ location: 'l'.repeat(101) }, 'location'],
      [{ email: 'new@example.com' }, 'email'],
      [{ role: 'admin' }, 'role'],
      [{}, 'body'],
    ];
    for (const [body, field] of cases) {
      const reply = await member.client.patch<ErrorBody>('/api/me', body);
      assert.equal(reply.status, 400, `${JSON.stringify(body).slice(0, 60)}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field, JSON.stringify(body).slice(0, 60));
    }
    const row = await server.runtime.ctx.database.db.selectFrom('members').select(['bio', 'avatar_url', 'display_name']).where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { bio: '', avatar_url: null, display_name: member.username });
  });

  test('403 csrf_failed without the CSRF token', async () => {
    const member = await createMember(server);
    const reply = await member.client.patch<ErrorBody>('/api/me', { bio: 'x' }, { noCsrf: true });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'csrf_failed');
  });

  test('200 saves the change: it shows at once on GET /api/me, on GET /api/session and on the public profile', async () => {
    const member = await createMember(server);
    // Cache the credential first, so the answers below prove the cache was refreshed.
    assert.equal((await member.client.get<MeBody>('/api/me')).body.bio, '');
    const patch = { displayName: '  Grace H.  ', bio: 'Compilers & COBOL', avatarUrl: 'https://example.com/grace.png', location: 'Arlington', company: 'Navy' };
    const reply = await member.client.patch<MeBody>('/api/me', patch);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.displayName, 'Grace H.', 'the display name is trimmed');
    assert.equal(reply.body.bio, patch.bio);
    assert.equal(reply.body.avatarUrl, patch.avatarUrl);

    const me = await member.client.get<MeBody>('/api/me');
    assert.equal(me.body.displayName, 'Grace H.');
    assert.equal(me.body.bio, patch.bio);
    assert.equal(me.body.avatarUrl, patch.avatarUrl);
    assert.equal(me.body.location, 'Arlington');
    assert.equal(me.body.company, 'Navy');
    assert.equal((await member.client.get<SessionBody>('/api/session')).body.member.bio, patch.bio);

    const profile = await server.client().get<MeBody>(`/api/users/${member.username}`);
    assert.equal(profile.body.displayName, 'Grace H.');
    assert.equal(profile.body.bio, patch.bio);
    assert.equal(profile.body.avatarUrl, patch.avatarUrl);

    const cleared = await member.client.patch<MeBody>('/api/me', { avatarUrl: null });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.avatarUrl, null);
    assert.equal(cleared.body.bio, patch.bio, 'fields left out stay as they were');
    assert.equal((await member.client.get<MeBody>('/api/me')).body.avatarUrl, null);
  });
});

describe('POST /api/me/password', () => {
  const NEW_PASSWORD = 'a brand new passphrase';

  test('a reset link sent before a password change no longer works after it', async () => {
    const member = await createMember(server);
    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const line = server.logs.find((entry) => (entry.mail as { to?: unknown } | undefined)?.to === member.email)?.msg as string | undefined;
    const token = decodeURIComponent(/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(line ?? '')?.[1] ?? '');
    assert.ok(token, 'the reset link was written to the log');
    assert.equal((await member.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status, 204);
    const stale = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token, password: 'someone else took over' });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.code, 'invalid_token');
    assert.equal((await server.client().post('/api/session', { login: member.username, password: NEW_PASSWORD })).status, 200);
  });

  test('401 without credentials', async () => {
    const reply = await server.client().post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('400 for an invalid body or a weak new password; 403 without CSRF; the password stays', async () => {
    const member = await createMember(server);
    const missing = await member.client.post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'invalid_request');
    assert.equal(missing.body.error.field, 'newPassword');
    const extra = await member.client.post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.field, 'confirm');
    const weak = await member.client.post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.code, 'weak_password');
    assert.equal(weak.body.error.field, 'newPassword', 'the error points at the field the client sent');
    const noCsrf = await member.client.post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const login = await server.client().post('/api/session', { login: member.username, password: PASSWORD });
    assert.equal(login.status, 200, 'the old password still works');
  });

  test('a wrong current password is 401 invalid_credentials on currentPassword, and the session survives', async () => {
    const member = await createMember(server);
    const reply = await member.client.post<ErrorBody>('/api/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'invalid_credentials');
    assert.equal(reply.body.error.field, 'currentPassword');
    assert.equal((await member.client.get('/api/me')).status, 200);
    assert.equal((await server.client().post('/api/session', { login: member.username, password: PASSWORD })).status, 200);
  });

  test('success ends the member\'s other sessions at once, keeps this one, and the new password logs in', async () => {
    const member = await createMember(server);
    const other = server.client();
    assert.equal((await other.post('/api/session', { login: member.email, password: PASSWORD })).status, 200);
    const { key } = await createApiKey(member, 'read');
    const bystander = await createMember(server);
    // All credentials resolved once, so they sit in the cache.
    for (const client of [member.client, other, bystander.client]) assert.equal((await client.get('/api/me')).status, 200);
    assert.equal((await member.client.get('/api/me', { apiKey: key })).status, 200);
    assert.equal(await sessionCount(member.id), 2);

    const reply = await member.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(reply.status, 204, reply.text);

    const ended = await other.get<ErrorBody>('/api/me');
    assert.equal(ended.status, 401, 'the other session ended at once');
    assert.equal(ended.body.error.code, 'unauthorized');
    assert.equal(await sessionCount(member.id), 1);
    const current = await member.client.get<MeBody>('/api/me');
    assert.equal(current.status, 200, 'the session that changed the password stays');
    assert.equal((await member.client.patch('/api/me', { bio: 'still here' })).status, 200, 'and can still write with its CSRF token');
    assert.equal((await bystander.client.get('/api/me')).status, 200, 'other members are not affected');
    assert.equal((await member.client.get('/api/me', { apiKey: key })).status, 200, 'API keys are not tied to the password and keep working');

    const oldLogin = await server.client().post<ErrorBody>('/api/session', { login: member.username, password: PASSWORD });
    assert.equal(oldLogin.status, 401);
    assert.equal(oldLogin.body.error.code, 'invalid_credentials');
    const newLogin = await server.client().post<SessionBody>('/api/session', { login: member.username, password: NEW_PASSWORD });
    assert.equal(newLogin.status, 200);
    assert.equal(newLogin.body.member.id, member.id);

    const audit = await server.runtime.ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'target_id'])
      .where('action', '=', 'account.passwordChange')
      .where('target_id', '=', String(member.id))
      .execute();
    assert.deepEqual(audit, [{ actor_id: member.id, target_id: String(member.id) }]);
  });
});

describe('failed-login throttling', () => {
  let throttled: TestServer;
  let member: TestMember;
  let ipCounter = 0;
  // TRUST_PROXY lets each request come from its own address, to tell the account limit from the IP limit.
  const fresh = () => ({ headers: { 'x-forwarded-for': `198.51.100.${++ipCounter}` } });

  before(async () => {
    throttled = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    member = await createMember(throttled);
  });
  after(() => throttled.close());

  const login = (login: string, password: string, options = fresh()) => throttled.client().post<ErrorBody & SessionBody>('/api/session', { login, password }, options);

  test(`after ${LOGIN_FAILURE_LIMIT} failures for an account, even the right password is 429 with Retry-After, from any address and by email too`, async () => {
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      const reply = await login(i % 2 === 0 ? member.username : member.email.toUpperCase(), `wrong password ${i}`);
      assert.equal(reply.status, 401, `attempt ${i + 1}`);
      assert.equal(reply.body.error.code, 'invalid_credentials');
    }
    for (const name of [member.username, member.email]) {
      const blocked = await login(name, PASSWORD);
      assert.equal(blocked.status, 429, `${name}: ${blocked.text}`);
      assert.equal(blocked.body.error.code, 'rate_limited');
      assert.equal(blocked.headers.getSetCookie().length, 0, 'no session while blocked');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= LOGIN_FAILURE_WINDOW_MS / 1000, `Retry-After ${blocked.headers.get('retry-after')}`);
    }
    const existingSession = await member.client.get('/api/me');
    assert.equal(existingSession.status, 200, 'sessions that exist are not affected');
    const otherMember = await createMember(throttled);
    assert.equal((await login(otherMember.username, PASSWORD)).status, 200, 'other accounts can still log in');
  });

  test('a successful login clears the account\'s failures', async () => {
    const fresher = await createMember(throttled);
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) assert.equal((await login(fresher.username, 'wrong password')).status, 401);
    assert.equal((await login(fresher.username, PASSWORD)).status, 200);
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) assert.equal((await login(fresher.username, 'wrong password')).status, 401);
    assert.equal((await login(fresher.username, PASSWORD)).status, 200);
  });

  test('unknown logins are throttled the same way, so the answer never tells whether an account exists', async () => {
    const ghost = uniqueName('ghost');
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) assert.equal((await login(ghost, 'whatever password')).status, 401);
    const blocked = await login(ghost, 'whatever password');
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'rate_limited');
  });

  test(`${LOGIN_FAILURE_LIMIT} failures from one address block that address for every account`, async () => {
    const address = { headers: { 'x-forwarded-for': '203.0.113.50' } };
    const target = await createMember(throttled);
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) assert.equal((await login(uniqueName('guess'), 'guess password', address)).status, 401);
    const blocked = await login(target.username, PASSWORD, address);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal((await login(target.username, PASSWORD)).status, 200, 'the account itself is not blocked elsewhere');
  });
});
