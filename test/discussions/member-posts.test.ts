// A member's posts for their profile: newest first, cursor-paged, only what the viewer may see.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space } from './helpers';

interface Excerpt {
  id: number;
  topicId: number;
  topicTitle: string;
  postNumber: number;
  author: { id: number; username: string | null };
  excerpt: string;
}

interface ExcerptPage {
  items: Excerpt[];
  nextCursor: string | null;
}

let server: TestServer;
let writer: TestMember;
let reader: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;

const postsOf = async (client: TestMember['client'], query = ''): Promise<Excerpt[]> => {
  const reply = await client.get<ExcerptPage>(`/api/users/${writer.username}/posts${query}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
};

before(async () => {
  server = await startTestServer();
  [writer, reader, moderator, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

describe('GET /api/users/{username}/posts', () => {
  test('400 and 404', async () => {
    assertError(await server.client().get(`/api/users/${writer.username}/posts?limit=0`), 400, 'invalid_request', 'limit');
    assertError(await server.client().get(`/api/users/${writer.username}/posts?type=all`), 400, 'invalid_request', 'type');
    assertError(await server.client().get(`/api/users/${writer.username}/posts?cursor=nonsense`), 400, 'invalid_request', 'cursor');
    assertError(await server.client().get('/api/users/nobody_here_at_all/posts'), 404, 'not_found');
  });

  test('newest first; deleted posts, deleted topics and spaces the viewer cannot see are left out; unlisted for staff only', async () => {
    const topic = await createTopic(writer.client, space.id, 'The **first** post', 'Writer\'s topic');
    const other = await createTopic(reader.client, space.id, 'not theirs', 'Reader\'s topic');
    const reply = await replyTo(writer.client, other.id, 'A reply by the writer');
    const deleted = await replyTo(writer.client, other.id, 'Deleted reply');
    assert.equal((await writer.client.delete(`/api/posts/${deleted.id}`)).status, 204);
    const gone = await createTopic(writer.client, space.id, 'gone', 'Deleted topic');
    assert.equal((await writer.client.delete(`/api/posts/${gone.posts[0]?.id ?? 0}`)).status, 204);
    const quiet = await createTopic(writer.client, space.id, 'quiet', 'Unlisted topic');
    assert.equal((await moderator.client.patch(`/api/topics/${quiet.id}`, { unlisted: true })).status, 200);
    const secret = await createTopic(moderator.client, privateSpace.id, 'staff only', 'Private topic');
    assertError(await writer.client.post(`/api/topics/${secret.id}/posts`, { body: 'Hidden reply' }), 404, 'not_found');

    const guest = await postsOf(server.client());
    assert.deepEqual(guest.map((p) => p.id), [reply.id, topic.posts[0]?.id]);
    assert.deepEqual(guest.map((p) => [p.topicId, p.topicTitle, p.postNumber, p.excerpt]), [
      [other.id, 'Reader\'s topic', 2, 'A reply by the writer'],
      [topic.id, 'Writer\'s topic', 1, 'The first post'],
    ]);
    assert.ok(guest.every((p) => p.author.id === writer.id));
    assert.deepEqual((await postsOf(moderator.client)).map((p) => p.id), [quiet.posts[0]?.id, reply.id, topic.posts[0]?.id]);
    assert.deepEqual((await postsOf(server.client(), '?type=topics')).map((p) => p.id), [topic.posts[0]?.id]);
  });

  test('posts in a private space only for those who see it; paged with a cursor', async () => {
    const secret = await createTopic(moderator.client, privateSpace.id, 'staff', 'Staff room');
    const mod = (await server.client().get<ExcerptPage>(`/api/users/${moderator.username}/posts`)).body.items;
    assert.ok(!mod.some((p) => p.topicId === secret.id));
    const own = (await moderator.client.get<ExcerptPage>(`/api/users/${moderator.username}/posts`)).body.items;
    assert.ok(own.some((p) => p.topicId === secret.id));

    const all = (await postsOf(moderator.client, '?limit=100')).map((p) => p.id);
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: ExcerptPage } = await moderator.client.get<ExcerptPage>(`/api/users/${writer.username}/posts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    }
    assert.deepEqual(seen, all);
    assert.ok(all.length >= 3);
  });
});
