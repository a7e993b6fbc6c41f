// The cache of rendered reads: a write is seen by the next read (in this process and, on PostgreSQL
// with Redis, in another process on the same database), per-member parts stay per member, permission
// classes never share answers, and replies and new topics are limited per member per minute.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDbKind } from '../support/databases';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space, type TopicDetail } from './helpers';

interface SearchPage {
  items: { topicId: number }[];
}
interface TopicPage {
  items: { id: number; title: string; replyCount: number; unreadCount?: number }[];
}

let server: TestServer;
let admin: TestMember;
let author: TestMember;
let reader: TestMember;
let space: Space;
let privateSpace: Space;

before(async () => {
  server = await startTestServer();
  [admin, author, reader] = await Promise.all([createMember(server, 'admin'), createMember(server), createMember(server)]);
  [space, privateSpace] = await Promise.all([createSpace(admin.client, 'public'), createSpace(admin.client, 'private')]);
});
after(() => server.close());

test('a reply, an edit and a reaction show in the next read of the topic, the space list and search', async () => {
  const topic = await createTopic(author.client, space.id, 'Cache me if you can', 'A topic about lanterns');
  const guest = server.client();
  const read = async () => (await guest.get<TopicDetail>(`/api/topics/${topic.id}`)).body;
  assert.equal((await read()).posts.length, 1);
  assert.equal((await read()).posts.length, 1, 'the second read is answered the same');

  const reply = await replyTo(reader.client, topic.id, 'Lanterns glow brightly');
  assert.equal((await read()).posts.length, 2, 'the reply is there at once');
  const list = await guest.get<TopicPage>(`/api/spaces/${space.id}/topics`);
  assert.equal(list.body.items.find((t) => t.id === topic.id)?.replyCount, 1);
  const found = await guest.get<SearchPage>('/api/search?q=glow');
  assert.ok(found.body.items.some((i) => i.topicId === topic.id), 'search finds the new reply');

  const edited = await reader.client.patch(`/api/posts/${reply.id}`, { body: 'Lanterns shimmer softly', revision: 1 });
  assert.equal(edited.status, 200, edited.text);
  assert.match((await read()).posts[1]?.html ?? '', /shimmer/);
  assert.equal((await guest.get<SearchPage>('/api/search?q=glow')).body.items.length, 0, 'the old word is gone from search');

  const reacted = await author.client.post(`/api/posts/${reply.id}/reactions`, { emoji: (await read()).posts[1]?.reactions[0]?.emoji ?? '👍' });
  assert.equal(reacted.status, 201, reacted.text);
  const reactions = (await read()).posts[1]?.reactions ?? [];
  assert.equal(reactions.reduce((n, r) => n + r.count, 0), 1);
  assert.ok(reactions.every((r) => !r.reacted), 'a guest has reacted to nothing');
  const mine = (await author.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts[1]?.reactions ?? [];
  assert.ok(mine.some((r) => r.reacted), "the reacting member sees their own reaction");
  const others = (await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts[1]?.reactions ?? [];
  assert.ok(others.every((r) => !r.reacted), 'another member does not see it as theirs');
});

test('read positions are per member and follow PUT read at once', async () => {
  const topic = await createTopic(author.client, space.id);
  await replyTo(author.client, topic.id, 'one');
  await replyTo(author.client, topic.id, 'two');
  const unread = async (member: TestMember) => (await member.client.get<TopicDetail & { unreadCount?: number }>(`/api/topics/${topic.id}`)).body.unreadCount;
  assert.equal(await unread(reader), 3);
  const listed = async () => (await reader.client.get<TopicPage>(`/api/spaces/${space.id}/topics`)).body.items.find((t) => t.id === topic.id)?.unreadCount;
  assert.equal(await listed(), 3);
  const marked = await reader.client.put(`/api/topics/${topic.id}/read`, { postNumber: 2 });
  assert.equal(marked.status, 200, marked.text);
  assert.equal(await unread(reader), 1);
  assert.equal(await listed(), 1);
  assert.equal(await unread(author), 0, "the author's own position is untouched by the reader's");
});

test('a deleted post keeps its body for its author only, also when the page is cached', async () => {
  const topic = await createTopic(author.client, space.id);
  const reply = await replyTo(reader.client, topic.id, 'Something I regret');
  await server.client().get(`/api/topics/${topic.id}`);
  assert.equal((await reader.client.delete(`/api/posts/${reply.id}`)).status, 204);
  const post = async (member?: TestMember) => (await (member ? member.client : server.client()).get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts[1];
  assert.equal((await post())?.body, '');
  assert.equal((await post(author))?.body, '');
  assert.equal((await post(reader))?.body, 'Something I regret');
  assert.equal((await post(admin))?.body, 'Something I regret');
});

test('a private space answer is never shared with a viewer outside it, before or after a permission change', async () => {
  const topic = await createTopic(admin.client, privateSpace.id, 'A staff only topic', 'Staff only secrets');
  assert.equal((await admin.client.get(`/api/topics/${topic.id}`)).status, 200);
  assert.equal((await admin.client.get<SearchPage>('/api/search?q=secrets')).body.items.length, 1);
  assert.equal((await reader.client.get(`/api/topics/${topic.id}`)).status, 404);
  assert.equal((await reader.client.get<SearchPage>('/api/search?q=secrets')).body.items.length, 0);

  const group = await admin.client.post<{ id: number }>('/api/groups', { name: `cache_${Date.now().toString(36)}` });
  assert.equal(group.status, 201, group.text);
  assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: reader.username })).status, 204);
  const granted = await admin.client.put(`/api/spaces/${privateSpace.id}/permissions`, { grants: [{ groupId: group.body.id, canSee: true, canPost: false, canReply: true }] });
  assert.equal(granted.status, 200, granted.text);
  assert.equal((await reader.client.get(`/api/topics/${topic.id}`)).status, 200, 'the new right shows at once');
  assert.equal((await reader.client.get<SearchPage>('/api/search?q=secrets')).body.items.length, 1);
  assert.equal((await author.client.get(`/api/topics/${topic.id}`)).status, 404, 'members outside the group still get 404');

  const revoked = await admin.client.put(`/api/spaces/${privateSpace.id}/permissions`, { grants: [] });
  assert.equal(revoked.status, 200, revoked.text);
  assert.equal((await reader.client.get(`/api/topics/${topic.id}`)).status, 404, 'a revoked right shows at once');
});

test('a renamed member shows under their posts at once', async () => {
  const topic = await createTopic(author.client, space.id);
  await server.client().get(`/api/topics/${topic.id}`);
  const renamed = await author.client.patch('/api/me', { displayName: 'Lamplighter' });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal((await server.client().get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts[0]?.author.displayName, 'Lamplighter');
});

test('replies and new topics are limited per member per minute (POSTS_PER_MINUTE)', async () => {
  const limited = await startTestServer({ env: { POSTS_PER_MINUTE: '3' } });
  try {
    const [staff, member, other] = await Promise.all([createMember(limited, 'admin'), createMember(limited), createMember(limited)]);
    const where = await createSpace(staff.client, 'public');
    const topic = await createTopic(member.client, where.id);
    for (const body of ['two', 'three', 'four']) await replyTo(member.client, topic.id, body);
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'five' }), 429, 'rate_limited');
    await createTopic(member.client, where.id);
    await createTopic(member.client, where.id);
    assertError(await member.client.post('/api/topics', { spaceId: where.id, title: 'Yet another topic', body: 'x' }), 429, 'rate_limited');
    assert.equal((await other.client.post(`/api/topics/${topic.id}/posts`, { body: 'another member is not limited' })).status, 201);
  } finally {
    await limited.close();
  }
});

describe('two processes on one PostgreSQL with Redis', { skip: testDbKind !== 'postgres' && 'needs PostgreSQL' }, () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    if (testDbKind !== 'postgres') return;
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `t${process.pid}x${Date.now()}cache:` };
    a = await startTestServer({ env });
    b = await startTestServer({ env, database: a.database });
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  test('a reply written through A purges the page cached by B', async () => {
    const [staff, member] = await Promise.all([createMember(a, 'admin'), createMember(a)]);
    const where = await createSpace(staff.client, 'public');
    const topic = await createTopic(member.client, where.id);
    const readOnB = async () => (await b.client().get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts.length;
    assert.equal(await readOnB(), 1);
    const laneBefore = b.app.hotLane.served;
    assert.equal(await readOnB(), 1);
    assert.equal(b.app.hotLane.served, laneBefore + 1, "B's hot lane sends the repeated read");
    await replyTo(member.client, topic.id, 'written on A');
    const deadline = Date.now() + 3000;
    let seen = await readOnB();
    while (seen !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await readOnB();
    }
    assert.equal(seen, 2, 'B answers with the reply once the purge arrived');
  });
});
