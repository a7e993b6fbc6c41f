// Staff work on member accounts: the member list, roles and trust levels, suspensions, and the audit
// trail every change leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, createApiKey, createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { AuditEntry, ErrorBody } from '../support/bodies';

interface StaffMember {
  id: number;
  username: string;
  email: string;
  displayName: string;
  role: string;
  trustLevel: number;
  emailConfirmed: boolean;
  joinedAt: string;
  lastSeenAt: string | null;
  suspendedUntil: string | null;
  suspensionReason: string | null;
}

interface MemberPage {
  items: StaffMember[];
  nextCursor: string | null;
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  moderator = await createMember(server, 'moderator');
  member = await createMember(server, 'member');
});
after(() => server.close());

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
const UNKNOWN_ID = 987_654_321;

async function auditFor(action: string, targetId: number): Promise<AuditEntry[]> {
  const reply = await admin.client.get<{ items: AuditEntry[] }>(`/api/admin/audit-log?action=${encodeURIComponent(action)}&limit=100`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items.filter((e) => e.targetId === String(targetId));
}

function expectError(reply: { status: number; body: unknown; text: string }, status: number, code: string, field?: string): void {
  assert.equal(reply.status, status, reply.text);
  const error = (reply.body as ErrorBody).error;
  assert.equal(error.code, code, reply.text);
  if (field !== undefined) assert.equal(error.field, field, reply.text);
}

describe('GET /api/admin/members', () => {
  test('401 without credentials, 403 forbidden for a plain member', async () => {
    expectError(await server.client().get('/api/admin/members'), 401, 'unauthorized');
    expectError(await member.client.get('/api/admin/members'), 403, 'forbidden');
  });

  test('400 invalid_request for bad paging or filters', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['role=owner', 'role'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('["a"]').toString('base64url')}`, 'cursor'],
      [`q=${'q'.repeat(101)}`, 'q'],
      ['sort=name', 'sort'],
    ];
    for (const [query, field] of cases) expectError(await moderator.client.get(`/api/admin/members?${query}`), 400, 'invalid_request', field);
  });

  test('200 for moderators and admins, with the staff view of each member', async () => {
    for (const staff of [moderator, admin]) {
      const reply = await staff.client.get<MemberPage>('/api/admin/members?limit=100');
      assert.equal(reply.status, 200, reply.text);
      const row = reply.body.items.find((m) => m.id === member.id);
      assert.ok(row, 'the member is listed');
      assert.equal(row.username, member.username);
      assert.equal(row.email, member.email, 'staff see emails');
      assert.equal(row.role, 'member');
      assert.equal(row.suspendedUntil, null);
      assert.ok(reply.body.items.some((m) => m.id === admin.id && m.role === 'admin'));
      const ids = reply.body.items.map((m) => m.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    }
  });

  test('pages with limit and cursor, and searches by the start of a username or email, case-insensitively', async () => {
    const prefix = uniqueName('pg');
    const made: TestMember[] = [];
    for (let i = 0; i < 5; i++) made.push(await createMember(server, 'member', `${prefix}_${i}`));
    const expected = made.map((m) => m.id).sort((a, b) => b - a);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `q=${prefix.toUpperCase()}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: { status: number; body: MemberPage } = await admin.client.get<MemberPage>(`/api/admin/members?${query}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((m) => m.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, expected, 'every match once, newest first, over three pages');
    assert.equal(pages, 3);

    const byEmail = await admin.client.get<MemberPage>(`/api/admin/members?q=${encodeURIComponent(`${prefix}_3@EXAMPLE`)}`);
    assert.deepEqual(byEmail.body.items.map((m) => m.id), [made[3]?.id]);
    const wildcard = await admin.client.get<MemberPage>(`/api/admin/members?q=${encodeURIComponent('%')}`);
    assert.deepEqual(wildcard.body.items, [], 'LIKE wildcards in q are taken literally');
    const underscore = await admin.client.get<MemberPage>(`/api/admin/members?q=${encodeURIComponent(`${prefix}_`)}`);
    assert.equal(underscore.body.items.length, 5);
  });

  test('filters by role', async () => {
    const reply = await admin.client.get<MemberPage>('/api/admin/members?role=moderator&limit=100');
    assert.equal(reply.status, 200);
    assert.ok(reply.body.items.length >= 1);
    assert.ok(reply.body.items.every((m) => m.role === 'moderator'));
    assert.ok(reply.body.items.some((m) => m.id === moderator.id));
  });

  test('API keys need the admin scope for staff routes', async () => {
    const read = await createApiKey(admin, 'read');
    expectError(await server.client().get('/api/admin/members', { apiKey: read.key }), 403, 'insufficient_scope');
    const full = await createApiKey(admin, 'admin');
    const reply = await server.client().get<MemberPage>('/api/admin/members', { apiKey: full.key });
    assert.equal(reply.status, 200);
    assert.ok(reply.body.items.length > 0);
  });
});

describe('PATCH /api/admin/members/:id', () => {
  test('401 without credentials', async () => {
    expectError(await server.client().patch(`/api/admin/members/${member.id}`, { role: 'moderator' }), 401, 'unauthorized');
  });

  test('400 invalid_request for a bad id or body', async () => {
    const cases: [string, unknown, string][] = [
      [String(member.id), {}, 'body'],
      [String(member.id), { trustLevel: 5 }, 'trustLevel'],
      [String(member.id), { trustLevel: -1 }, 'trustLevel'],
      [String(member.id), { role: 'owner' }, 'role'],
      [String(member.id), { role: 'moderator', username: 'x' }, 'username'],
      ['abc', { role: 'moderator' }, 'id'],
      ['0', { role: 'moderator' }, 'id'],
    ];
    for (const [id, body, field] of cases) expectError(await admin.client.patch(`/api/admin/members/${id}`, body), 400, 'invalid_request', field);
  });

  test('403: members and moderators cannot change roles or trust levels; CSRF is required', async () => {
    const target = await createMember(server);
    expectError(await member.client.patch(`/api/admin/members/${target.id}`, { role: 'moderator' }), 403, 'forbidden');
    expectError(await moderator.client.patch(`/api/admin/members/${target.id}`, { role: 'moderator' }), 403, 'forbidden');
    expectError(await moderator.client.patch(`/api/admin/members/${target.id}`, { trustLevel: 3 }), 403, 'forbidden');
    expectError(await moderator.client.patch(`/api/admin/members/${moderator.id}`, { role: 'admin' }), 403, 'forbidden');
    expectError(await admin.client.patch(`/api/admin/members/${target.id}`, { role: 'moderator' }, { noCsrf: true }), 403, 'csrf_failed');
    const row = await server.runtime.ctx.database.db.selectFrom('accounts').select('role').where('member_id', '=', target.id).executeTakeFirstOrThrow();
    assert.equal(row.role, 'member');
    const writeKey = await createApiKey(admin, 'write');
    expectError(await server.client().patch(`/api/admin/members/${target.id}`, { role: 'moderator' }, { apiKey: writeKey.key }), 403, 'insufficient_scope');
  });

  test('404 not_found for an unknown member', async () => {
    expectError(await admin.client.patch(`/api/admin/members/${UNKNOWN_ID}`, { role: 'moderator' }), 404, 'not_found');
  });

  test('the last admin cannot stop being one: 409 conflict', async () => {
    const admins = await admin.client.get<MemberPage>('/api/admin/members?role=admin');
    assert.deepEqual(admins.body.items.map((m) => m.id), [admin.id], 'precondition: one admin');
    expectError(await admin.client.patch(`/api/admin/members/${admin.id}`, { role: 'member' }), 409, 'conflict', 'role');
    assert.equal((await admin.client.get<{ role: string }>('/api/me')).body.role, 'admin');
  });

  test('200: an admin changes role and trust level; the member\'s next request has the new rights; both changes are audited', async () => {
    const target = await createMember(server);
    const { key } = await createApiKey(target, 'read');
    // Resolve the target's credentials so they are cached.
    assert.equal((await target.client.get<{ role: string }>('/api/me')).body.role, 'member');
    expectError(await target.client.get('/api/admin/members'), 403, 'forbidden');

    const reply = await admin.client.patch<StaffMember>(`/api/admin/members/${target.id}`, { role: 'moderator', trustLevel: 3 });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.id, target.id);
    assert.equal(reply.body.role, 'moderator');
    assert.equal(reply.body.trustLevel, 3);

    const me = await target.client.get<{ role: string; trustLevel: number }>('/api/me');
    assert.equal(me.body.role, 'moderator', 'the session sees the new role at once');
    assert.equal(me.body.trustLevel, 3);
    assert.equal((await target.client.get('/api/admin/members')).status, 200, 'and has its rights');
    const viaKey = await server.client().get<{ role: string }>('/api/me', { apiKey: key });
    assert.equal(viaKey.body.role, 'moderator', 'API keys too');

    const demoted = await admin.client.patch<StaffMember>(`/api/admin/members/${target.id}`, { role: 'member' });
    assert.equal(demoted.status, 200);
    assert.equal(demoted.body.trustLevel, 3, 'fields left out stay');
    expectError(await target.client.get('/api/admin/members'), 403, 'forbidden');

    const roles = await auditFor('member.role', target.id);
    assert.equal(roles.length, 2);
    assert.deepEqual(roles.map((e) => [e.before, e.after]), [
      [{ role: 'moderator' }, { role: 'member' }],
      [{ role: 'member' }, { role: 'moderator' }],
    ]);
    assert.ok(roles.every((e) => e.actorId === admin.id && e.actorUsername === admin.username && e.targetType === 'member'));
    const trust = await auditFor('member.trustLevel', target.id);
    assert.equal(trust.length, 1);
    assert.deepEqual([trust[0]?.before, trust[0]?.after], [{ trustLevel: 0 }, { trustLevel: 3 }]);

    const unchanged = await admin.client.patch<StaffMember>(`/api/admin/members/${target.id}`, { role: 'member', trustLevel: 3 });
    assert.equal(unchanged.status, 200);
    assert.equal((await auditFor('member.role', target.id)).length, 2, 'a patch that changes nothing leaves no entry');
  });
});

describe('POST and DELETE /api/admin/members/:id/suspension', () => {
  const suspension = () => ({ until: inAWeek(), reason: 'Spamming the help forum' });

  test('401 without credentials', async () => {
    expectError(await server.client().post(`/api/admin/members/${member.id}/suspension`, suspension()), 401, 'unauthorized');
    expectError(await server.client().delete(`/api/admin/members/${member.id}/suspension`), 401, 'unauthorized');
  });

  test('400 invalid_request for a bad body', async () => {
    const cases: [unknown, string][] = [
      [{ until: new Date(Date.now() - 60_000).toISOString(), reason: 'late' }, 'until'],
      [{ until: 'next tuesday', reason: 'vague' }, 'until'],
      [{ until: '2099-01-01', reason: 'no time' }, 'until'],
      [{ until: inAWeek() }, 'reason'],
      [{ until: inAWeek(), reason: '' }, 'reason'],
      [{ until: inAWeek(), reason: 'r'.repeat(501) }, 'reason'],
      [{ until: inAWeek(), reason: 'x', notify: true }, 'notify'],
    ];
    for (const [body, field] of cases) expectError(await moderator.client.post(`/api/admin/members/${member.id}/suspension`, body), 400, 'invalid_request', field);
    assert.equal((await member.client.get('/api/me')).status, 200, 'nothing happened to the member');
  });

  test('403: members cannot suspend; nobody suspends themselves, an equal or higher role, or an admin', async () => {
    const target = await createMember(server);
    const otherModerator = await createMember(server, 'moderator');
    const secondAdmin = await createMember(server, 'admin');
    const refusals: [TestMember, TestMember][] = [
      [member, target],
      [moderator, moderator],
      [moderator, otherModerator],
      [moderator, admin],
      [admin, admin],
      [admin, secondAdmin],
    ];
    for (const [actor, victim] of refusals) {
      expectError(await actor.client.post(`/api/admin/members/${victim.id}/suspension`, suspension()), 403, 'forbidden');
    }
    expectError(await member.client.delete(`/api/admin/members/${target.id}/suspension`), 403, 'forbidden');
    expectError(await moderator.client.post(`/api/admin/members/${target.id}/suspension`, suspension(), { noCsrf: true }), 403, 'csrf_failed');
    for (const victim of [target, otherModerator, secondAdmin, moderator, admin]) {
      assert.equal((await victim.client.get('/api/me')).status, 200, `${victim.username} is not suspended`);
    }
  });

  test('404 not_found for an unknown member', async () => {
    expectError(await moderator.client.post(`/api/admin/members/${UNKNOWN_ID}/suspension`, suspension()), 404, 'not_found');
    expectError(await moderator.client.delete(`/api/admin/members/${UNKNOWN_ID}/suspension`), 404, 'not_found');
  });

  test('suspending ends the member\'s sessions and API keys at once and refuses logins; lifting it lets them back', async () => {
    const target = await createMember(server);
    const secondSession = server.client();
    assert.equal((await secondSession.post('/api/session', { login: target.username, password: PASSWORD })).status, 200);
    const { key } = await createApiKey(target, 'write');
    for (const client of [target.client, secondSession]) assert.equal((await client.get('/api/me')).status, 200);
    assert.equal((await server.client().get('/api/me', { apiKey: key })).status, 200);

    const body = suspension();
    const reply = await moderator.client.post<StaffMember>(`/api/admin/members/${target.id}/suspension`, body);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.id, target.id);
    assert.equal(reply.body.suspendedUntil, body.until);
    assert.equal(reply.body.suspensionReason, body.reason);

    for (const client of [target.client, secondSession]) expectError(await client.get('/api/me'), 401, 'unauthorized');
    const keyReply = await server.client().get<ErrorBody>('/api/me', { apiKey: key });
    expectError(keyReply, 401, 'unauthorized');
    assert.match(keyReply.body.error.message, /suspended/);
    expectError(await server.client().patch('/api/me', { bio: 'still posting' }, { apiKey: key }), 401, 'unauthorized');
    const sessions = await server.runtime.ctx.database.db.selectFrom('sessions').select('id').where('member_id', '=', target.id).execute();
    assert.equal(sessions.length, 0, 'the sessions are deleted');

    const login = await server.client().post<ErrorBody>('/api/session', { login: target.username, password: PASSWORD });
    expectError(login, 403, 'account_suspended');
    assert.ok(login.body.error.message.includes(body.until), 'the message says until when');
    expectError(await server.client().post('/api/session', { login: target.username, password: 'wrong password' }), 401, 'invalid_credentials');

    const listed = await admin.client.get<MemberPage>(`/api/admin/members?q=${target.username}`);
    assert.equal(listed.body.items[0]?.suspendedUntil, body.until);

    const lifted = await moderator.client.delete<StaffMember>(`/api/admin/members/${target.id}/suspension`);
    assert.equal(lifted.status, 200, lifted.text);
    assert.equal(lifted.body.suspendedUntil, null);
    assert.equal(lifted.body.suspensionReason, null);
    const back = server.client();
    assert.equal((await back.post('/api/session', { login: target.username, password: PASSWORD })).status, 200);
    assert.equal((await back.get('/api/me')).status, 200);
    assert.equal((await server.client().get('/api/me', { apiKey: key })).status, 200, 'API keys work again');

    const suspended = await auditFor('member.suspend', target.id);
    assert.equal(suspended.length, 1);
    assert.equal(suspended[0]?.actorId, moderator.id);
    assert.equal(suspended[0]?.actorUsername, moderator.username);
    assert.equal(suspended[0]?.reason, body.reason);
    assert.deepEqual(suspended[0]?.after, { until: body.until });
    const unsuspended = await auditFor('member.unsuspend', target.id);
    assert.equal(unsuspended.length, 1);
    assert.equal(unsuspended[0]?.actorId, moderator.id);
    assert.deepEqual(unsuspended[0]?.before, { until: body.until });
  });

  test('an admin can suspend a moderator, and only an admin can lift that', async () => {
    const target = await createMember(server, 'moderator');
    const reply = await admin.client.post<StaffMember>(`/api/admin/members/${target.id}/suspension`, suspension());
    assert.equal(reply.status, 200, reply.text);
    expectError(await target.client.get('/api/admin/members'), 401, 'unauthorized');
    expectError(await moderator.client.delete(`/api/admin/members/${target.id}/suspension`), 403, 'forbidden');
    expectError(await server.client().post('/api/session', { login: target.username, password: PASSWORD }), 403, 'account_suspended');
    const lifted = await admin.client.delete<StaffMember>(`/api/admin/members/${target.id}/suspension`);
    assert.equal(lifted.status, 200);
    assert.equal(lifted.body.suspendedUntil, null);
    assert.equal((await server.client().post('/api/session', { login: target.username, password: PASSWORD })).status, 200);
  });
});

describe('GET /api/admin/audit-log', () => {
  test('401 without credentials, 403 for members; moderators read the moderation trail', async () => {
    expectError(await server.client().get('/api/admin/audit-log'), 401, 'unauthorized');
    expectError(await member.client.get('/api/admin/audit-log'), 403, 'forbidden');
    assert.equal((await moderator.client.get('/api/admin/audit-log')).status, 200);
  });

  test('400 for bad paging; 200 for admins, newest first, filtered by action and paged', async () => {
    expectError(await admin.client.get('/api/admin/audit-log?limit=0'), 400, 'invalid_request', 'limit');
    expectError(await admin.client.get('/api/admin/audit-log?cursor=zzz'), 400, 'invalid_request', 'cursor');
    const all = await admin.client.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/admin/audit-log?limit=100');
    assert.equal(all.status, 200);
    const ids = all.body.items.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    for (const action of ['member.role', 'member.trustLevel', 'member.suspend', 'member.unsuspend']) {
      assert.ok(all.body.items.some((e) => e.action === action), `${action} is in the log`);
    }
    const first = await admin.client.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/admin/audit-log?action=member.suspend&limit=1');
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor, 'there are more suspensions');
    const second = await admin.client.get<{ items: AuditEntry[] }>(`/api/admin/audit-log?action=member.suspend&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.equal(second.body.items.length, 1);
    assert.ok((second.body.items[0]?.id ?? Infinity) < (first.body.items[0]?.id ?? 0));
    assert.ok([...first.body.items, ...second.body.items].every((e) => e.action === 'member.suspend'));
  });
});
