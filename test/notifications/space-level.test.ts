// GET /api/spaces/{id}/notification-level: the viewer's own level for a space, for the level control.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, type Space } from '../discussions/helpers';

let server: TestServer;
let admin: TestMember;
let member: TestMember;
let other: TestMember;
let space: Space;
let privateSpace: Space;

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  member = await createMember(server, 'member');
  other = await createMember(server, 'member');
  space = await createSpace(admin.client);
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server.close());

const levelOf = (as: TestMember, spaceId: number) => as.client.get<{ level: string }>(`/api/spaces/${spaceId}/notification-level`);

describe('GET /api/spaces/{id}/notification-level', () => {
  test('401 without credentials, 400 for a bad id, 404 for a space the viewer cannot see', async () => {
    assertError(await server.client().get(`/api/spaces/${space.id}/notification-level`), 401, 'unauthorized');
    assertError(await member.client.get('/api/spaces/abc/notification-level'), 400, 'invalid_request');
    assertError(await levelOf(member, privateSpace.id), 404, 'not_found');
    assertError(await levelOf(member, 987_654_321), 404, 'not_found');
  });

  test('normal until chosen, then what the viewer chose, for them alone', async () => {
    const before = await levelOf(member, space.id);
    assert.equal(before.status, 200, before.text);
    assert.deepEqual(before.body, { level: 'normal' });
    const set = await member.client.request('PUT', `/api/spaces/${space.id}/notification-level`, { body: { level: 'watching' } });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual((await levelOf(member, space.id)).body, { level: 'watching' });
    assert.deepEqual((await levelOf(other, space.id)).body, { level: 'normal' }, 'another member keeps their own level');
    await member.client.request('PUT', `/api/spaces/${space.id}/notification-level`, { body: { level: 'muted' } });
    assert.deepEqual((await levelOf(member, space.id)).body, { level: 'muted' });
    assert.deepEqual((await levelOf(admin, privateSpace.id)).body, { level: 'normal' }, 'staff see private spaces');
  });
});
