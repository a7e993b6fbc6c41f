// Sign-up (POST /api/users): the new member, their session cookie, validation, duplicates, the per-IP
// limit, closed sign-ups; and public profiles, which never show an email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, createMember, signUp, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { ErrorBody } from '../support/bodies';

interface SignupReply {
  id: number;
  username: string;
  email: string;
  displayName: string;
  role: string;
  trustLevel: number;
  emailConfirmed: boolean;
  guidelinesVersion: number | null;
  csrfToken: string | null;
  emailConfirmationRequired: boolean;
}

let server: TestServer;
let admin: TestMember;

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
});
after(() => server.close());

function signupBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const username = uniqueName('new');
  return { username, email: `${username}@example.com`, password: PASSWORD, acceptGuidelines: true, ...overrides };
}

async function accountCount(): Promise<number> {
  const row = await server.runtime.ctx.database.db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /api/users', () => {
  test('201 creates the member, answers its id at top level with a CSRF token, and signs them in', async () => {
    const client = server.client();
    const body = signupBody({ displayName: '  Ada L.  ' });
    const reply = await client.post<SignupReply>('/api/users', body);
    assert.equal(reply.status, 201, reply.text);
    assert.equal(typeof reply.body.id, 'number');
    assert.equal(reply.body.username, body.username);
    assert.equal(reply.body.email, body.email);
    assert.equal(reply.body.displayName, 'Ada L.');
    assert.equal(reply.body.role, 'member');
    assert.equal(reply.body.trustLevel, 0, 'new members start at trust level 0 and earn the next levels');
    assert.equal(reply.body.emailConfirmed, true);
    assert.equal(reply.body.guidelinesVersion, 1);
    assert.equal(reply.body.emailConfirmationRequired, false);
    assert.equal(typeof reply.body.csrfToken, 'string');
    assert.ok((reply.body.csrfToken ?? '').length >= 20);

    const stored = await server.runtime.ctx.database.db
      .selectFrom('accounts')
      .select(['username', 'email', 'role', 'password_hash', 'guidelines_accepted_at'])
      .where('member_id', '=', reply.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.username, body.username);
    assert.equal(stored.role, 'member');
    assert.notEqual(stored.password_hash, PASSWORD, 'only a hash is stored');
    assert.match(stored.password_hash, /^\$argon2id\$/);
    assert.ok(stored.guidelines_accepted_at instanceof Date);

    const me = await client.get<{ id: number; username: string }>('/api/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, reply.body.id);
    assert.equal(me.body.username, body.username);

    const session = await client.get<{ csrfToken: string }>('/api/session');
    assert.equal(session.status, 200);
    assert.equal(session.body.csrfToken, reply.body.csrfToken, 'the CSRF token belongs to the new session');
  });

  test('the session cookie is httpOnly, SameSite=Lax, path /, expires, and not Secure on plain http', async () => {
    const reply = await server.client().post('/api/users', signupBody());
    assert.equal(reply.status, 201, reply.text);
    const cookies = reply.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('hearth_session='));
    assert.ok(session, `a hearth_session cookie is set (got ${cookies.join(' | ')})`);
    const [pair = '', ...attributes] = session.split(';').map((part) => part.trim());
    assert.ok(pair.length > 'hearth_session='.length + 20, 'the cookie holds a long random token');
    const lower = attributes.map((a) => a.toLowerCase());
    assert.ok(lower.includes('httponly'), session);
    assert.ok(lower.includes('samesite=lax'), session);
    assert.ok(lower.includes('path=/'), session);
    const expires = attributes.find((a) => /^expires=/i.test(a));
    assert.ok(expires, session);
    assert.ok(Date.parse(expires.slice('expires='.length)) > Date.now() + 24 * 3600 * 1000, 'the session lasts longer than a day');
    assert.ok(!lower.includes('secure'), 'PUBLIC_URL is http, so the cookie cannot be Secure');
  });

  test('an invalid username is 400 invalid_request on field username', async () => {
    for (const username of ['a', 'has space', '-dash-first', 'x'.repeat(31), 'ends.', 'émile']) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ username }));
      assert.equal(reply.status, 400, `${username}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, 'username', username);
      assert.match(reply.body.error.requestId, /^[0-9a-f]{16}$/);
    }
  });

  test('an invalid email is 400 invalid_request on field email', async () => {
    for (const email of ['not-an-email', 'a@', '@example.com', `${'x'.repeat(250)}@example.com`]) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ email }));
      assert.equal(reply.status, 400, `${email}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, 'email');
    }
  });

  test('a weak password is 400 weak_password on field password, and nothing is created', async () => {
    const before = await accountCount();
    const username = uniqueName('weak');
    const cases: [string, RegExp][] = [
      ['short', /at least 8/],
      ['password123', /common/],
      ['aaaaaaaaaa', /repeat/],
      [username, /username/],
    ];
    for (const [password, message] of cases) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ username, email: `${username}@example.com`, password }));
      assert.equal(reply.status, 400, `${password}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'weak_password');
      assert.equal(reply.body.error.field, 'password');
      assert.match(reply.body.error.message, message);
    }
    const empty = await server.client().post<ErrorBody>('/api/users', signupBody({ password: '' }));
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'invalid_request');
    assert.equal(empty.body.error.field, 'password');
    assert.equal(await accountCount(), before);
  });

  test('missing fields are 400 invalid_request naming the field', async () => {
    for (const field of ['username', 'email', 'password', 'acceptGuidelines']) {
      const body = signupBody();
      delete body[field];
      const reply = await server.client().post<ErrorBody>('/api/users', body);
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field);
      assert.match(reply.body.error.message, /required/);
    }
    const noBody = await server.client().request<ErrorBody>('POST', '/api/users');
    assert.equal(noBody.status, 400);
    assert.equal(noBody.body.error.code, 'invalid_request');
  });

  test('acceptGuidelines false is 400 guidelines_not_accepted, and acceptGuidelines must be a boolean', async () => {
    const before = await accountCount();
    const refused = await server.client().post<ErrorBody>('/api/users', signupBody({ acceptGuidelines: false }));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'guidelines_not_accepted');
    assert.equal(refused.body.error.field, 'acceptGuidelines');
    assert.equal(refused.headers.getSetCookie().length, 0, 'no session for a refused sign-up');
    const text = await server.client().post<ErrorBody>('/api/users', signupBody({ acceptGuidelines: 'yes' }));
    assert.equal(text.status, 400);
    assert.equal(text.body.error.code, 'invalid_request');
    assert.equal(text.body.error.field, 'acceptGuidelines');
    assert.equal(await accountCount(), before);
  });

  test('unknown fields are rejected with 400 naming them (no role escalation through the body)', async () => {
    const before = await accountCount();
    for (const extra of ['role', 'trustLevel', 'isAdmin']) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ [extra]: extra === 'role' ? 'admin' : 4 }));
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, extra);
      assert.match(reply.body.error.message, /not an accepted field/);
    }
    assert.equal(await accountCount(), before);
  });

  test('a taken username is 409 username_taken, case-insensitively; reserved names are taken too', async () => {
    const existing = await signUp(server);
    for (const username of [existing.username, existing.username.toUpperCase()]) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ username }));
      assert.equal(reply.status, 409, reply.text);
      assert.equal(reply.body.error.code, 'username_taken');
      assert.equal(reply.body.error.field, 'username');
    }
    for (const username of ['admin', 'Moderator', 'trust_level_2']) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ username }));
      assert.equal(reply.status, 409, `${username}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'username_taken');
    }
  });

  test('a taken email is 409 email_taken, case-insensitively', async () => {
    const existing = await signUp(server);
    for (const email of [existing.email, existing.email.toUpperCase()]) {
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody({ email }));
      assert.equal(reply.status, 409, reply.text);
      assert.equal(reply.body.error.code, 'email_taken');
      assert.equal(reply.body.error.field, 'email');
    }
    const rows = await server.runtime.ctx.database.db.selectFrom('accounts').select('member_id').where('email', 'ilike', existing.email).execute();
    assert.equal(rows.length, 1);
  });

  test('two sign-ups racing for one username or one email: one 201, the other 409 with the matching code', async () => {
    const username = uniqueName('race');
    const sameName = await Promise.all([0, 1].map((i) => server.client().post<ErrorBody>('/api/users', signupBody({ username, email: `${username}_${i}@example.com` }))));
    assert.deepEqual(sameName.map((r) => r.status).sort(), [201, 409], sameName.map((r) => r.text).join('\n'));
    const nameLoser = sameName.find((r) => r.status === 409);
    assert.equal(nameLoser?.body.error.code, 'username_taken');
    assert.equal(nameLoser.body.error.field, 'username');

    const email = `${uniqueName('race')}@example.com`;
    const sameEmail = await Promise.all([0, 1].map(() => server.client().post<ErrorBody>('/api/users', signupBody({ email }))));
    assert.deepEqual(sameEmail.map((r) => r.status).sort(), [201, 409], sameEmail.map((r) => r.text).join('\n'));
    const emailLoser = sameEmail.find((r) => r.status === 409);
    assert.equal(emailLoser?.body.error.code, 'email_taken');
    assert.equal(emailLoser.body.error.field, 'email');
    const rows = await server.runtime.ctx.database.db.selectFrom('accounts').select('member_id').where('email', '=', email).execute();
    assert.equal(rows.length, 1);
    const members = await server.runtime.ctx.database.db.selectFrom('members').select('id').where('display_name', '=', username).execute();
    assert.equal(members.length, 1, 'the losing sign-up left no half-made member behind');
  });

  test('a signed-in browser must send its CSRF token to sign up again', async () => {
    const member = await signUp(server);
    const reply = await member.client.post<ErrorBody>('/api/users', signupBody(), { noCsrf: true });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'csrf_failed');
  });

  test('with sign-ups closed, POST /api/users is 403 forbidden and creates nobody', async () => {
    const closed = await admin.client.patch<{ allowSignups: boolean }>('/api/admin/settings', { allowSignups: false });
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.allowSignups, false);
    try {
      const site = await server.client().get<{ allowSignups: boolean }>('/api/site');
      assert.equal(site.body.allowSignups, false);
      const before = await accountCount();
      const reply = await server.client().post<ErrorBody>('/api/users', signupBody());
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
      assert.match(reply.body.error.message, /closed/);
      assert.equal(reply.headers.getSetCookie().length, 0);
      assert.equal(await accountCount(), before);
      // Staff can still create accounts while sign-ups are closed.
      const staffMade = await createMember(server, 'member');
      assert.ok(staffMade.id > 0);
    } finally {
      const reopened = await admin.client.patch<{ allowSignups: boolean }>('/api/admin/settings', { allowSignups: true });
      assert.equal(reopened.status, 200);
    }
    const again = await server.client().post('/api/users', signupBody());
    assert.equal(again.status, 201);
  });
});

describe('GET /api/users/:username', () => {
  test('the public profile shows public fields and never the email', async () => {
    const member = await signUp(server);
    const updated = await member.client.patch('/api/me', { bio: 'Hello there', location: 'Lisbon' });
    assert.equal(updated.status, 200, updated.text);
    for (const client of [server.client(), member.client, admin.client]) {
      const reply = await client.get<Record<string, unknown>>(`/api/users/${member.username}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.id, member.id);
      assert.equal(reply.body.username, member.username);
      assert.equal(reply.body.bio, 'Hello there');
      assert.equal(reply.body.location, 'Lisbon');
      assert.equal(reply.body.role, 'member');
      assert.ok(!('email' in reply.body), 'no email in a public profile');
      assert.ok(!reply.text.includes(member.email), 'the email appears nowhere in the reply');
      assert.ok(!('emailConfirmed' in reply.body));
      assert.ok(!('passwordHash' in reply.body) && !reply.text.includes('argon2'));
    }
    const upper = await server.client().get<{ id: number }>(`/api/users/${member.username.toUpperCase()}`);
    assert.equal(upper.status, 200, 'usernames are found case-insensitively');
    assert.equal(upper.body.id, member.id);
  });

  test('an unknown username is 404 not_found', async () => {
    const reply = await server.client().get<ErrorBody>(`/api/users/${uniqueName('ghost')}`);
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'not_found');
  });
});

describe('sign-up limit per IP address', () => {
  let limited: TestServer;
  before(async () => {
    limited = await startTestServer({ env: { SIGNUP_LIMIT_PER_HOUR: '2', TRUST_PROXY: 'true' } });
  });
  after(() => limited.close());

  test('the third sign-up from one IP within the hour is 429 rate_limited with Retry-After; other IPs still sign up', async () => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 2; i++) {
      const reply = await limited.client().post('/api/users', signupBody(), from('203.0.113.7'));
      assert.equal(reply.status, 201, reply.text);
    }
    const body = signupBody();
    const third = await limited.client().post<ErrorBody>('/api/users', body, from('203.0.113.7'));
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'rate_limited');
    const retryAfter = Number(third.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600, `Retry-After is ${third.headers.get('retry-after')}`);
    const created = await limited.runtime.ctx.database.db.selectFrom('accounts').select('member_id').where('username', '=', body.username as string).executeTakeFirst();
    assert.equal(created, undefined, 'the limited sign-up created nothing');

    const elsewhere = await limited.client().post('/api/users', signupBody(), from('198.51.100.9'));
    assert.equal(elsewhere.status, 201, 'the limit is per IP address');
    const login = await limited.client().post('/api/session', { login: body.username, password: PASSWORD }, from('203.0.113.7'));
    assert.equal(login.status, 401, 'the refused member does not exist, and other routes are not limited');
  });
});
