// GET /api/topics/{id}/held-posts: a member's own replies that moderation holds, which nobody else sees in
// the topic until a moderator approves them. First-post review holds a newcomer's first reply here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, type Space, type TopicDetail } from './helpers';
import { Sse } from './sse';

interface HeldList {
  items: { id: number; postNumber: number; excerpt: string; createdAt: string }[];
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let newcomer: TestMember;
let reader: TestMember;
let space: Space;
let topic: TopicDetail;

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  [moderator, reader] = await Promise.all([createMember(server, 'moderator'), createMember(server)]);
  space = await createSpace(admin.client);
  topic = await createTopic(admin.client, space.id, 'Tell us about your setup.', 'Show your workbench');
  assert.equal((await admin.client.patch('/api/admin/settings', { reviewFirstPosts: true })).status, 200);
  newcomer = await createMember(server);
});
after(() => server?.close());

describe('GET /api/topics/{id}/held-posts', () => {
  let heldId: number;

  test('a held reply: 202 for its author, listed for them alone, and not in the topic', async () => {
    const staffStream = await Sse.open(server.url, moderator);
    const reply = await newcomer.client.post<{ id: number; status: string }>(`/api/topics/${topic.id}/posts`, { body: 'My bench is **oak**, two metres long.' });
    assert.equal(reply.status, 202, reply.text);
    assert.equal(reply.body.status, 'held');
    heldId = reply.body.id;
    const arrived = await staffStream.next('review.changed', (d) => d.change === 'added');
    staffStream.close();
    assert.deepEqual({ ...arrived.data, itemId: 0 }, { itemId: 0, kind: 'first_post', spaceId: space.id, change: 'added' }, 'moderators hear of it live');

    const mine = await newcomer.client.get<HeldList>(`/api/topics/${topic.id}/held-posts`);
    assert.equal(mine.status, 200, mine.text);
    assert.deepEqual(
      mine.body.items.map((i) => [i.id, i.excerpt]),
      [[heldId, 'My bench is oak, two metres long.']],
      'the excerpt is the post as plain text',
    );
    assert.ok(mine.body.items[0] && mine.body.items[0].postNumber > 1 && !Number.isNaN(Date.parse(mine.body.items[0].createdAt)));

    const others = await reader.client.get<HeldList>(`/api/topics/${topic.id}/held-posts`);
    assert.equal(others.status, 200, others.text);
    assert.deepEqual(others.body.items, [], 'another member sees none of them');
    const shown = await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.ok(!shown.body.posts.some((p) => p.id === heldId), 'the topic leaves it out for readers');
  });

  test('401 for a guest, 400 for a malformed id, 404 for an unknown topic or one in a space the member cannot see', async () => {
    assertError(await server.client().get(`/api/topics/${topic.id}/held-posts`), 401, 'unauthorized');
    assertError(await newcomer.client.get('/api/topics/abc/held-posts'), 400, 'invalid_request');
    assertError(await newcomer.client.get('/api/topics/99999999/held-posts'), 404, 'not_found');
    const hidden = await createSpace(admin.client, 'private');
    const secret = await createTopic(admin.client, hidden.id);
    assertError(await newcomer.client.get(`/api/topics/${secret.id}/held-posts`), 404, 'not_found');
  });

  test('once a moderator approves it, the reply is in the topic and off the list', async () => {
    const queue = await moderator.client.get<{ items: { id: number; post: { id: number } | null }[] }>('/api/moderation/queue?kind=first_post');
    assert.equal(queue.status, 200, queue.text);
    const item = queue.body.items.find((i) => i.post?.id === heldId);
    assert.ok(item, queue.text);
    const decided = await moderator.client.post(`/api/moderation/queue/${item.id}/decision`, { action: 'approve', reason: 'Welcome aboard' });
    assert.equal(decided.status, 200, decided.text);

    const mine = await newcomer.client.get<HeldList>(`/api/topics/${topic.id}/held-posts`);
    assert.deepEqual(mine.body.items, []);
    const shown = await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.ok(shown.body.posts.some((p) => p.id === heldId), 'readers now see it');
  });
});
