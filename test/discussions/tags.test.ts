// Tags: the tags in use with their topic counts, counted only over topics the viewer may see; a tag's
// topics come from the latest feed (GET /api/topics?tag=).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, type Space, type TopicDetail } from './helpers';

interface TagList {
  items: { tag: string; topicCount: number }[];
}

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;

async function tagged(client: TestMember['client'], spaceId: number, tags: string[], title = 'A tagged topic'): Promise<TopicDetail> {
  const reply = await client.post<TopicDetail>('/api/topics', { spaceId, title, body: 'x', tags });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

const counts = async (client: TestMember['client'], query = ''): Promise<[string, number][]> => {
  const reply = await client.get<TagList>(`/api/tags${query}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items.map((t) => [t.tag, t.topicCount]);
};

before(async () => {
  server = await startTestServer();
  [member, moderator, admin] = await Promise.all([createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  await tagged(member.client, space.id, ['Hiking', 'food']);
  await tagged(member.client, space.id, ['hiking']);
  await tagged(member.client, space.id, ['hiking', 'gear']);
  await tagged(moderator.client, privateSpace.id, ['secret', 'hiking']);
});
after(() => server?.close());

describe('GET /api/tags', () => {
  test('400 for a bad limit or prefix', async () => {
    assertError(await server.client().get('/api/tags?limit=0'), 400, 'invalid_request', 'limit');
    assertError(await server.client().get('/api/tags?limit=201'), 400, 'invalid_request', 'limit');
    assertError(await server.client().get(`/api/tags?q=${'x'.repeat(31)}`), 400, 'invalid_request', 'q');
  });

  test('most used first, then by name; private spaces count only for those who see them', async () => {
    const expected: [string, number][] = [['hiking', 3], ['food', 1], ['gear', 1]];
    assert.deepEqual(await counts(server.client()), expected);
    assert.deepEqual(await counts(member.client), expected);
    assert.deepEqual(await counts(moderator.client), [['hiking', 4], ['food', 1], ['gear', 1], ['secret', 1]]);
  });

  test('a prefix filter and a limit', async () => {
    assert.deepEqual(await counts(member.client, '?q=G'), [['gear', 1]]);
    assert.deepEqual(await counts(member.client, '?limit=1'), [['hiking', 3]]);
    assert.deepEqual(await counts(member.client, '?q=zzz'), []);
  });

  test('deleted and unlisted topics do not count', async () => {
    const s = await createSpace(admin.client, 'public');
    const gone = await tagged(member.client, s.id, ['ephemeral']);
    const quiet = await tagged(member.client, s.id, ['ephemeral']);
    assert.deepEqual(await counts(member.client, '?q=ephemeral'), [['ephemeral', 2]]);
    assert.equal((await member.client.delete(`/api/posts/${gone.posts[0]?.id ?? 0}`)).status, 204);
    assert.equal((await moderator.client.patch(`/api/topics/${quiet.id}`, { unlisted: true })).status, 200);
    assert.deepEqual(await counts(member.client, '?q=ephemeral'), []);
  });
});

describe('a tag\'s topics (GET /api/topics?tag=)', () => {
  test('lists the visible topics with the tag, any case', async () => {
    const seen = async (client: TestMember['client']) => (await client.get<{ items: { tags: string[]; spaceId: number }[] }>('/api/topics?tag=HIKING&limit=100')).body.items;
    const guest = await seen(server.client());
    assert.equal(guest.length, 3);
    assert.ok(guest.every((t) => t.tags.includes('hiking') && t.spaceId === space.id));
    assert.equal((await seen(moderator.client)).length, 4);
  });
});
