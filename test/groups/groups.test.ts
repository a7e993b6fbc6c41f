// Groups: everyone signed in can list them, admins manage named groups and their members, staff can
// read membership, and built-in groups (which follow roles and trust levels) cannot be changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

interface GroupView {
  id: number;
  name: string;
  description: string;
  builtIn: boolean;
  memberCount: number | null;
  createdAt: string;
}

interface GroupMember {
  memberId: number;
  username: string;
  displayName: string;
  addedAt: string;
}

const BUILT_IN = ['everyone', 'members', 'trust_level_0', 'trust_level_1', 'trust_level_2', 'trust_level_3', 'trust_level_4', 'moderators', 'admins'];

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let builtInId: number;

const groupName = (): string => uniqueName('g').toLowerCase();

async function createGroup(name = groupName(), description?: string): Promise<GroupView> {
  const reply = await admin.client.post<GroupView>('/api/groups', description === undefined ? { name } : { name, description });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function auditFor(action: string, groupId: number) {
  return server.runtime.ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('target_type', '=', 'group')
    .where('target_id', '=', String(groupId))
    .orderBy('id', 'desc')
    .execute();
}

before(async () => {
  server = await startTestServer();
  [member, moderator, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin')]);
  const list = await member.client.get<{ items: GroupView[] }>('/api/groups');
  const admins = list.body.items.find((g) => g.name === 'admins');
  assert.ok(admins);
  builtInId = admins.id;
});
after(() => server?.close());

describe('GET /api/groups', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().get<ErrorReply>('/api/groups');
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('any member sees the built-in groups first, with no member count', async () => {
    const reply = await member.client.get<{ items: GroupView[] }>('/api/groups');
    assert.equal(reply.status, 200);
    const builtIn = reply.body.items.filter((g) => g.builtIn);
    assert.deepEqual(builtIn.map((g) => g.name), BUILT_IN);
    assert.ok(builtIn.every((g) => g.memberCount === null));
    const firstNamed = reply.body.items.findIndex((g) => !g.builtIn);
    if (firstNamed >= 0) assert.ok(reply.body.items.slice(firstNamed).every((g) => !g.builtIn), 'built-in groups come first');
  });

  test('a read API key can list groups', async () => {
    const { key } = await createApiKey(member, 'read');
    const reply = await server.client().get<{ items: GroupView[] }>('/api/groups', { apiKey: key });
    assert.equal(reply.status, 200);
    assert.ok(reply.body.items.length >= BUILT_IN.length);
  });
});

describe('POST /api/groups', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().post<ErrorReply>('/api/groups', { name: groupName() });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('400 invalid_request for a bad or missing name, a long description or an unknown field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: 'x' }, 'name'],
      [{ name: 'Upper' }, 'name'],
      [{ name: 'has space' }, 'name'],
      [{ name: '-leading' }, 'name'],
      [{ name: 'a'.repeat(41) }, 'name'],
      [{ name: groupName(), description: 'd'.repeat(501) }, 'description'],
      [{ name: groupName(), colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const reply = await admin.client.post<ErrorReply>('/api/groups', body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field, JSON.stringify(body));
    }
  });

  test('403 for a member and a moderator, for an admin without CSRF, and for a write-scope key', async () => {
    const name = groupName();
    for (const actor of [member, moderator]) {
      const reply = await actor.client.post<ErrorReply>('/api/groups', { name });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.post<ErrorReply>('/api/groups', { name }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const { key } = await createApiKey(admin, 'write');
    const scoped = await server.client().post<ErrorReply>('/api/groups', { name }, { apiKey: key });
    assert.equal(scoped.status, 403);
    assert.equal(scoped.body.error.code, 'insufficient_scope');
    const rows = await server.runtime.ctx.database.db.selectFrom('groups').select('id').where('name', '=', name).execute();
    assert.equal(rows.length, 0, 'nothing was created');
  });

  test('201 for an admin, listed afterwards and audited', async () => {
    const name = groupName();
    const reply = await admin.client.post<GroupView>('/api/groups', { name, description: 'Beta testers' });
    assert.equal(reply.status, 201);
    assert.equal(typeof reply.body.id, 'number');
    assert.equal(reply.body.name, name);
    assert.equal(reply.body.description, 'Beta testers');
    assert.equal(reply.body.builtIn, false);
    assert.equal(reply.body.memberCount, 0);
    assert.ok(!Number.isNaN(Date.parse(reply.body.createdAt)));
    const list = await member.client.get<{ items: GroupView[] }>('/api/groups');
    assert.deepEqual(list.body.items.find((g) => g.id === reply.body.id), reply.body);
    const audit = await auditFor('group.create', reply.body.id);
    assert.equal(audit.length, 1);
    assert.equal(Number(audit[0]?.actor_id), admin.id);
  });

  test('an admin-scope key of an admin can create a group without CSRF', async () => {
    const { key } = await createApiKey(admin, 'admin');
    const reply = await server.client().post<GroupView>('/api/groups', { name: groupName() }, { apiKey: key });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.description, '');
  });

  test('409 name_taken for a duplicate name, including a built-in one', async () => {
    const group = await createGroup();
    for (const name of [group.name, 'admins']) {
      const reply = await admin.client.post<ErrorReply>('/api/groups', { name });
      assert.equal(reply.status, 409, name);
      assert.equal(reply.body.error.code, 'name_taken');
      assert.equal(reply.body.error.field, 'name');
    }
    const rows = await server.runtime.ctx.database.db.selectFrom('groups').select('id').where('name', '=', group.name).execute();
    assert.equal(rows.length, 1);
  });
});

describe('PATCH /api/groups/:id', () => {
  test('401, 400, 403, 404, 409 and 200 in turn', async () => {
    const group = await createGroup();
    const anonymous = await server.client().patch<ErrorReply>(`/api/groups/${group.id}`, { description: 'x' });
    assert.equal(anonymous.status, 401);

    for (const [path, body, field] of [
      [`/api/groups/${group.id}`, {}, 'body'],
      [`/api/groups/${group.id}`, { name: 'Bad Name' }, 'name'],
      [`/api/groups/${group.id}`, { builtIn: false }, 'builtIn'],
      ['/api/groups/abc', { description: 'x' }, 'id'],
    ] as const) {
      const reply = await admin.client.patch<ErrorReply>(path, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field, JSON.stringify(body));
    }

    for (const actor of [member, moderator]) {
      const reply = await actor.client.patch<ErrorReply>(`/api/groups/${group.id}`, { description: 'hijacked' });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.patch<ErrorReply>(`/api/groups/${group.id}`, { description: 'hijacked' }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');

    const unknown = await admin.client.patch<ErrorReply>('/api/groups/99999999', { description: 'x' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');

    const existing = await createGroup();
    const taken = await admin.client.patch<ErrorReply>(`/api/groups/${group.id}`, { name: existing.name });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'name_taken');
    assert.equal(taken.body.error.field, 'name');

    const newName = groupName();
    const ok = await admin.client.patch<GroupView>(`/api/groups/${group.id}`, { name: newName, description: 'Renamed' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.id, group.id);
    assert.equal(ok.body.name, newName);
    assert.equal(ok.body.description, 'Renamed');
    const row = await server.runtime.ctx.database.db.selectFrom('groups').selectAll().where('id', '=', group.id).executeTakeFirstOrThrow();
    assert.equal(row.name, newName);
    assert.equal(row.description, 'Renamed');
    const audit = await auditFor('group.update', group.id);
    assert.equal(audit.length, 1, 'only the successful change is audited');
    assert.deepEqual(audit[0]?.before, { name: group.name, description: group.description });

    const descriptionOnly = await admin.client.patch<GroupView>(`/api/groups/${group.id}`, { description: '' });
    assert.equal(descriptionOnly.status, 200);
    assert.equal(descriptionOnly.body.name, newName, 'an omitted name is kept');
    assert.equal(descriptionOnly.body.description, '');
  });

  test('built-in groups cannot be renamed or described (409 conflict)', async () => {
    const list = await admin.client.get<{ items: GroupView[] }>('/api/groups');
    for (const group of list.body.items.filter((g) => g.builtIn)) {
      const reply = await admin.client.patch<ErrorReply>(`/api/groups/${group.id}`, { name: groupName() });
      assert.equal(reply.status, 409, group.name);
      assert.equal(reply.body.error.code, 'conflict');
    }
    const row = await server.runtime.ctx.database.db.selectFrom('groups').select('name').where('id', '=', builtInId).executeTakeFirstOrThrow();
    assert.equal(row.name, 'admins');
  });
});

describe('DELETE /api/groups/:id', () => {
  test('401, 400, 403, 404 and 204; gone afterwards', async () => {
    const group = await createGroup();
    assert.equal((await server.client().delete(`/api/groups/${group.id}`)).status, 401);
    const bad = await admin.client.delete<ErrorReply>('/api/groups/-1');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'id');
    for (const actor of [member, moderator]) {
      const reply = await actor.client.delete<ErrorReply>(`/api/groups/${group.id}`);
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.delete<ErrorReply>(`/api/groups/${group.id}`, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    assert.equal((await admin.client.delete<ErrorReply>('/api/groups/99999999')).status, 404);

    const added = await admin.client.post(`/api/groups/${group.id}/members`, { username: member.username });
    assert.equal(added.status, 204);
    const reply = await admin.client.delete(`/api/groups/${group.id}`);
    assert.equal(reply.status, 204);
    const list = await member.client.get<{ items: GroupView[] }>('/api/groups');
    assert.ok(!list.body.items.some((g) => g.id === group.id));
    const memberships = await server.runtime.ctx.database.db.selectFrom('group_members').select('member_id').where('group_id', '=', group.id).execute();
    assert.equal(memberships.length, 0, 'memberships go with the group');
    const again = await admin.client.delete<ErrorReply>(`/api/groups/${group.id}`);
    assert.equal(again.status, 404);
    assert.equal((await auditFor('group.delete', group.id)).length, 1);
  });

  test('built-in groups cannot be deleted (409 conflict)', async () => {
    const reply = await admin.client.delete<ErrorReply>(`/api/groups/${builtInId}`);
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, 'conflict');
    const rows = await server.runtime.ctx.database.db.selectFrom('groups').select('name').where('built_in', '=', true).execute();
    assert.equal(rows.length, BUILT_IN.length);
  });
});

describe('group members', () => {
  test('GET members: 401, 400, 403 for a member, 404 unknown group, 200 for a moderator and an admin', async () => {
    const group = await createGroup();
    assert.equal((await server.client().get(`/api/groups/${group.id}/members`)).status, 401);
    const bad = await moderator.client.get<ErrorReply>('/api/groups/x/members');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_request');
    assert.equal(bad.body.error.field, 'id');
    const denied = await member.client.get<ErrorReply>(`/api/groups/${group.id}/members`);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'forbidden');
    const unknown = await moderator.client.get<ErrorReply>('/api/groups/99999999/members');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
    for (const staff of [moderator, admin]) {
      const reply = await staff.client.get<{ items: GroupMember[] }>(`/api/groups/${group.id}/members`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.items, []);
    }
  });

  test('POST members: 401, 400, 403, 404 (group or username), 409 built-in, then 204', async () => {
    const group = await createGroup();
    const path = `/api/groups/${group.id}/members`;
    assert.equal((await server.client().post(path, { username: member.username })).status, 401);
    for (const [body, field] of [
      [{}, 'username'],
      [{ username: '' }, 'username'],
      [{ username: member.username, role: 'x' }, 'role'],
    ] as const) {
      const reply = await admin.client.post<ErrorReply>(path, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field);
    }
    for (const actor of [member, moderator]) {
      const reply = await actor.client.post<ErrorReply>(path, { username: actor.username });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.post<ErrorReply>(path, { username: member.username }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const unknownGroup = await admin.client.post<ErrorReply>('/api/groups/99999999/members', { username: member.username });
    assert.equal(unknownGroup.status, 404);
    const unknownMember = await admin.client.post<ErrorReply>(path, { username: 'nobody_by_this_name' });
    assert.equal(unknownMember.status, 404);
    assert.equal(unknownMember.body.error.code, 'not_found');
    assert.equal(unknownMember.body.error.field, 'username');
    const builtIn = await admin.client.post<ErrorReply>(`/api/groups/${builtInId}/members`, { username: member.username });
    assert.equal(builtIn.status, 409);
    assert.equal(builtIn.body.error.code, 'conflict');
    const rows = await server.runtime.ctx.database.db.selectFrom('group_members').select('member_id').where('group_id', 'in', [group.id, builtInId]).execute();
    assert.equal(rows.length, 0, 'no refused request added anybody');
  });

  test('membership is listed after add (with the count) and gone after remove', async () => {
    const group = await createGroup();
    const path = `/api/groups/${group.id}/members`;
    assert.equal((await admin.client.post(path, { username: member.username })).status, 204);
    assert.equal((await admin.client.post(path, { username: moderator.username })).status, 204);
    assert.equal((await admin.client.post(path, { username: member.username })).status, 204, 'adding twice is harmless');

    const listed = await moderator.client.get<{ items: GroupMember[] }>(path);
    assert.equal(listed.status, 200);
    const expected = [member, moderator].sort((a, b) => a.username.toLowerCase().localeCompare(b.username.toLowerCase()));
    assert.deepEqual(listed.body.items.map((m) => m.memberId), expected.map((m) => m.id));
    const entry = listed.body.items.find((m) => m.memberId === member.id);
    assert.equal(entry?.username, member.username);
    assert.equal(typeof entry?.displayName, 'string');
    assert.ok(!Number.isNaN(Date.parse(entry?.addedAt ?? '')));
    const groups = await member.client.get<{ items: GroupView[] }>('/api/groups');
    assert.equal(groups.body.items.find((g) => g.id === group.id)?.memberCount, 2);
    assert.ok((await auditFor('group.addMember', group.id)).length >= 2);

    const remove = await admin.client.delete(`${path}/${member.id}`);
    assert.equal(remove.status, 204);
    const after = await admin.client.get<{ items: GroupMember[] }>(path);
    assert.deepEqual(after.body.items.map((m) => m.memberId), [moderator.id]);
    const groupsAfter = await member.client.get<{ items: GroupView[] }>('/api/groups');
    assert.equal(groupsAfter.body.items.find((g) => g.id === group.id)?.memberCount, 1);
    const audit = await auditFor('group.removeMember', group.id);
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]?.before, { memberId: member.id });
  });

  test('DELETE member: 401, 400, 403, 404 (not in the group or unknown group), 409 built-in, 204', async () => {
    const group = await createGroup();
    const path = `/api/groups/${group.id}/members`;
    assert.equal((await admin.client.post(path, { username: member.username })).status, 204);
    assert.equal((await server.client().delete(`${path}/${member.id}`)).status, 401);
    const bad = await admin.client.delete<ErrorReply>(`${path}/zero`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'memberId');
    for (const actor of [member, moderator]) {
      const reply = await actor.client.delete<ErrorReply>(`${path}/${member.id}`);
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.delete<ErrorReply>(`${path}/${member.id}`, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const notIn = await admin.client.delete<ErrorReply>(`${path}/${admin.id}`);
    assert.equal(notIn.status, 404);
    assert.equal(notIn.body.error.code, 'not_found');
    const unknownGroup = await admin.client.delete<ErrorReply>(`/api/groups/99999999/members/${member.id}`);
    assert.equal(unknownGroup.status, 404);
    const builtIn = await admin.client.delete<ErrorReply>(`/api/groups/${builtInId}/members/${admin.id}`);
    assert.equal(builtIn.status, 409);
    assert.equal(builtIn.body.error.code, 'conflict');
    const members = await admin.client.get<{ items: GroupMember[] }>(path);
    assert.deepEqual(members.body.items.map((m) => m.memberId), [member.id], 'refused requests removed nobody');

    assert.equal((await admin.client.delete(`${path}/${member.id}`)).status, 204);
    assert.equal((await admin.client.delete<ErrorReply>(`${path}/${member.id}`)).status, 404, 'removing twice is 404');
  });

  test('a named group counts toward the groups a member belongs to', async () => {
    const group = await createGroup();
    assert.equal((await admin.client.post(`/api/groups/${group.id}/members`, { username: member.username })).status, 204);
    const principal = await server.runtime.services.accounts.resolver.fromSessionToken(member.client.cookies.get('hearth_session') ?? '');
    assert.ok(principal);
    const names = await server.runtime.services.groups.groupsOf(principal.principal);
    assert.ok(names.includes(group.name));
    assert.ok(names.includes('members') && !names.includes('moderators'));
    assert.equal((await admin.client.delete(`/api/groups/${group.id}/members/${member.id}`)).status, 204);
    assert.ok(!(await server.runtime.services.groups.groupsOf(principal.principal)).includes(group.name));
  });
});
