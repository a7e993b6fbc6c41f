// Spaces: admins create them; a private space is invisible (404, never 403) to members until a group
// they belong to is granted access; grants in a public space limit who may post.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, slug, type Space } from './helpers';

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let publicSpace: Space;
let privateSpace: Space;

async function groupId(name: string): Promise<number> {
  const reply = await admin.client.get<{ items: { id: number; name: string }[] }>('/api/groups');
  const group = reply.body.items.find((g) => g.name === name);
  assert.ok(group, name);
  return group.id;
}

before(async () => {
  server = await startTestServer();
  [member, moderator, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin')]);
  publicSpace = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

describe('GET /api/spaces', () => {
  test('guests and members see public spaces only; staff see private ones too', async () => {
    for (const client of [server.client(), member.client]) {
      const reply = await client.get<{ items: Space[] }>('/api/spaces');
      assert.equal(reply.status, 200, reply.text);
      const ids = reply.body.items.map((s) => s.id);
      assert.ok(ids.includes(publicSpace.id));
      assert.ok(!ids.includes(privateSpace.id), 'a private space is not listed');
    }
    for (const client of [moderator.client, admin.client]) {
      const ids = (await client.get<{ items: Space[] }>('/api/spaces')).body.items.map((s) => s.id);
      assert.ok(ids.includes(publicSpace.id) && ids.includes(privateSpace.id));
    }
  });

  test('a guest may read but not post; a member may post in a public space', async () => {
    const guest = (await server.client().get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === publicSpace.id);
    assert.equal(guest?.canPost, false);
    const mine = (await member.client.get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === publicSpace.id);
    assert.equal(mine?.canPost, true);
    assert.equal(mine?.canReply, true);
  });
});

describe('POST /api/spaces', () => {
  test('401 without credentials', async () => {
    assertError(await server.client().post('/api/spaces', { name: 'x', slug: slug(), visibility: 'public' }), 401, 'unauthorized');
  });

  test('400 names the field at fault', async () => {
    assertError(await admin.client.post('/api/spaces', { slug: slug(), visibility: 'public' }), 400, 'invalid_request', 'name');
    assertError(await admin.client.post('/api/spaces', { name: 'Bad', slug: 'Not A Slug', visibility: 'public' }), 400, 'invalid_request', 'slug');
    assertError(await admin.client.post('/api/spaces', { name: 'Bad', slug: slug(), visibility: 'secret' }), 400, 'invalid_request', 'visibility');
    assertError(await admin.client.post('/api/spaces', { name: 'Bad', slug: slug(), visibility: 'public', color: 'red' }), 400, 'invalid_request', 'color');
    assertError(await admin.client.post('/api/spaces', { name: 'Bad', slug: slug(), visibility: 'public', parentId: 999_999 }), 400, 'invalid_request', 'parentId');
  });

  test('403 for members and moderators', async () => {
    for (const who of [member, moderator]) {
      assertError(await who.client.post('/api/spaces', { name: 'Mine', slug: slug(), visibility: 'public' }), 403, 'forbidden');
    }
    const key = await createApiKey(admin, 'write');
    assertError(await admin.client.post('/api/spaces', { name: 'Key', slug: slug(), visibility: 'public' }, { apiKey: key.key }), 403, 'insufficient_scope');
  });

  test('201 for an admin, with the id at the top level, audited; 409 slug_taken on a duplicate slug', async () => {
    const s = slug();
    const reply = await admin.client.post<Space>('/api/spaces', { name: '  General  ', slug: s, description: 'Talk', visibility: 'public', color: '#aa3300' });
    assert.equal(reply.status, 201, reply.text);
    assert.ok(Number.isInteger(reply.body.id));
    assert.equal(reply.body.name, 'General');
    assert.equal(reply.body.slug, s);
    const audit = await server.runtime.ctx.database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'space').where('target_id', '=', String(reply.body.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['space.create']);
    assertError(await admin.client.post('/api/spaces', { name: 'Again', slug: s, visibility: 'private' }), 409, 'slug_taken', 'slug');
  });

  test('spaces nest one level only', async () => {
    const child = await createSpace(admin.client, 'public', { parentId: publicSpace.id });
    assert.equal(child.parentId, publicSpace.id);
    assertError(await admin.client.post('/api/spaces', { name: 'Grandchild', slug: slug(), visibility: 'public', parentId: child.id }), 400, 'invalid_request', 'parentId');
  });

  test('a public child of a private space stays hidden with its parent', async () => {
    const child = await createSpace(admin.client, 'public', { parentId: privateSpace.id });
    const ids = (await member.client.get<{ items: Space[] }>('/api/spaces')).body.items.map((s) => s.id);
    assert.ok(!ids.includes(child.id));
    assertError(await member.client.get(`/api/spaces/${child.id}/topics`), 404, 'not_found');
  });
});

describe('PATCH /api/spaces/{id}', () => {
  test('401 without credentials, 403 for members and moderators, 404 for a missing space', async () => {
    assertError(await server.client().patch(`/api/spaces/${publicSpace.id}`, { name: 'Renamed' }), 401, 'unauthorized');
    for (const who of [member, moderator]) assertError(await who.client.patch(`/api/spaces/${publicSpace.id}`, { name: 'Renamed' }), 403, 'forbidden');
    assertError(await admin.client.patch('/api/spaces/999999', { name: 'Renamed' }), 404, 'not_found');
  });

  test('400 names the field at fault; an empty change is refused', async () => {
    assertError(await admin.client.patch(`/api/spaces/${publicSpace.id}`, { kind: 'forum' }), 400, 'invalid_request', 'kind');
    assertError(await admin.client.patch(`/api/spaces/${publicSpace.id}`, { color: 'blue' }), 400, 'invalid_request', 'color');
    assertError(await admin.client.patch(`/api/spaces/${publicSpace.id}`, {}), 400, 'invalid_request');
  });

  test('an admin turns a space into a Q&A space and makes it private: members lose sight of it; audited; 409 on a taken slug', async () => {
    const space = await createSpace(admin.client, 'public');
    assert.equal(space.kind, 'discussion');
    const reply = await admin.client.patch<Space>(`/api/spaces/${space.id}`, { kind: 'qa', name: ' Questions ', visibility: 'private' });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.kind, 'qa');
    assert.equal(reply.body.name, 'Questions');
    assertError(await member.client.get(`/api/spaces/${space.id}/topics`), 404, 'not_found');
    const audit = await server.runtime.ctx.database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'space').where('target_id', '=', String(space.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['space.create', 'space.update']);
    assertError(await admin.client.patch(`/api/spaces/${space.id}`, { slug: publicSpace.slug }), 409, 'slug_taken', 'slug');
  });

  test('POST /api/spaces takes a kind', async () => {
    const space = await createSpace(admin.client, 'public', { kind: 'ideas' });
    assert.equal(space.kind, 'ideas');
  });
});

describe('PUT /api/spaces/{id}/permissions', () => {
  test('401, 400, 403, 404', async () => {
    const path = `/api/spaces/${privateSpace.id}/permissions`;
    assertError(await server.client().request('PUT', path, { body: { grants: [] } }), 401, 'unauthorized');
    assertError(await admin.client.request('PUT', path, { body: {} }), 400, 'invalid_request', 'grants');
    assertError(await admin.client.request('PUT', path, { body: { grants: [{ groupId: 999_999, canSee: true, canPost: true, canReply: true }] } }), 400, 'invalid_request', 'grants');
    assertError(await member.client.request('PUT', path, { body: { grants: [] } }), 403, 'forbidden');
    assertError(await admin.client.request('PUT', '/api/spaces/999999/permissions', { body: { grants: [] } }), 404, 'not_found');
  });

  test('granting a named group opens a private space to its members only', async () => {
    const space = await createSpace(admin.client, 'private');
    const insider = await createMember(server, 'member');
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: slug().replace(/-/g, '_') });
    assert.equal(group.status, 201, group.text);
    assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: insider.username })).status, 204);

    assertError(await insider.client.get(`/api/spaces/${space.id}/topics`), 404, 'not_found');
    const put = await admin.client.request<{ grants: { groupId: number; groupName: string; canSee: boolean }[] }>('PUT', `/api/spaces/${space.id}/permissions`, {
      body: { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] },
    });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.grants[0]?.groupId, group.body.id);

    assert.equal((await insider.client.get(`/api/spaces/${space.id}/topics`)).status, 200);
    await createTopic(insider.client, space.id);
    assertError(await member.client.get(`/api/spaces/${space.id}/topics`), 404, 'not_found');
    const read = await admin.client.get<{ grants: unknown[] }>(`/api/spaces/${space.id}/permissions`);
    assert.equal(read.body.grants.length, 1);
  });

  test('grants in a public space limit posting to the granted groups', async () => {
    const space = await createSpace(admin.client, 'public');
    const put = await admin.client.request('PUT', `/api/spaces/${space.id}/permissions`, {
      body: { grants: [{ groupId: await groupId('moderators'), canSee: true, canPost: true, canReply: true }, { groupId: await groupId('members'), canSee: true, canPost: false, canReply: true }] },
    });
    assert.equal(put.status, 200, put.text);
    assertError(await member.client.post('/api/topics', { spaceId: space.id, title: 'Not allowed', body: 'x' }), 403, 'forbidden');
    const topic = await createTopic(moderator.client, space.id);
    assert.equal((await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'replying is fine' })).status, 201);
  });
});
