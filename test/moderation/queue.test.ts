// The review queue with flags: three trust-level-2 flags hide a post; a moderator who finds no
// violation publishes it again and the flaggers learn the outcome; a hide keeps it from readers and
// the flaggers hear that moderators agreed. Filters and staff-only access.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type TopicDetail } from '../discussions/helpers';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface Item {
  id: number;
  kind: string;
  status: string;
  score: number;
  post: { id: number; state: string | null } | null;
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let author: TestMember;
let flaggers: TestMember[];
let space: Space;
let topic: TopicDetail;

async function flaggedItem(postId: number): Promise<Item | undefined> {
  const queue = await moderator.client.get<{ items: Item[] }>('/api/moderation/queue?kind=flagged_post&sort=score');
  return queue.body.items.find((i) => i.post?.id === postId);
}

async function flagThrice(post: Post): Promise<void> {
  for (const flagger of flaggers) {
    const reply = await flagger.client.post(`/api/posts/${post.id}/flags`, { reason: 'harassment' });
    assert.equal(reply.status, 201, reply.text);
  }
}

const visibleTo = async (member: TestMember, postId: number): Promise<boolean> =>
  (await member.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.posts.some((p) => p.id === postId && !p.deleted);

describe('review queue and flags', () => {
  before(async () => {
    server = await startTestServer();
    admin = await createMember(server, 'admin');
    moderator = await createMember(server, 'moderator');
    author = await createMember(server);
    flaggers = [await createMember(server), await createMember(server), await createMember(server)];
    await server.runtime.ctx.database.db.updateTable('members').set({ trust_level: 2 }).where('id', 'in', flaggers.map((f) => f.id)).execute();
    space = await createSpace(admin.client);
    topic = await createTopic(admin.client, space.id);
  });
  after(() => server.close());

  test('three TL2 flags hide a post; dismissing publishes it again and tells the flaggers', async () => {
    const post = await replyTo(author.client, topic.id, 'A heated but fair opinion');
    await flagThrice(post);
    const reader = flaggers[0] as TestMember;
    assert.equal(await visibleTo(reader, post.id), false, 'hidden after the threshold');
    const item = await flaggedItem(post.id);
    assert.ok(item, 'the hidden post is in the queue');
    assert.equal(item.post?.state, 'hidden');
    assert.ok(item.score >= 3, `score ${item.score}`);
    assertError(await author.client.post(`/api/moderation/queue/${item.id}/decision`, { action: 'dismiss', reason: 'mine' }), 403, 'forbidden');
    const decided = await moderator.client.post<Item>(`/api/moderation/queue/${item.id}/decision`, { action: 'dismiss', reason: 'No violation: disagreement is allowed' });
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.body.status, 'dismissed');
    assert.equal(await visibleTo(reader, post.id), true, 'published again');
    const notices = await reader.client.get<{ items: { type: string; title: string }[] }>('/api/notifications');
    assert.ok(notices.body.items.some((n) => n.type === 'moderation'), notices.text);
    const flags = await server.runtime.ctx.database.db.selectFrom('flags').select('status').where('post_id', '=', post.id).execute();
    assert.deepEqual(flags.map((f) => f.status), ['disagreed', 'disagreed', 'disagreed']);
  });

  test('a hide keeps the post from readers; the author is told and can appeal', async () => {
    const post = await replyTo(author.client, topic.id, 'Something actually rude');
    await flagThrice(post);
    const item = await flaggedItem(post.id);
    assert.ok(item);
    const decided = await moderator.client.post<Item>(`/api/moderation/queue/${item.id}/decision`, { action: 'hide', reason: 'Insults', guideline: 'be-kind', category: 'abuse' });
    assert.equal(decided.body.post?.state, 'hidden');
    assert.equal(await visibleTo(flaggers[1] as TestMember, post.id), false);
    const mine = await author.client.get<{ items: { id: number; status: string; appealable: boolean }[] }>('/api/me/moderation');
    assert.equal(mine.body.items.find((i) => i.id === item.id)?.appealable, true);
    const flags = await server.runtime.ctx.database.db.selectFrom('flags').select('status').where('post_id', '=', post.id).execute();
    assert.deepEqual(flags.map((f) => f.status), ['agreed', 'agreed', 'agreed']);
    const label = await server.runtime.ctx.database.db.selectFrom('moderation_labels').select(['kind', 'label']).where('post_id', '=', post.id).executeTakeFirst();
    assert.deepEqual(label, { kind: 'abuse', label: 'offensive' });
  });

  test('filters: by kind and age; an unknown item is 404; a bad sort is 400', async () => {
    const old = await moderator.client.get<{ items: Item[] }>('/api/moderation/queue?status=dismissed&olderThanHours=1');
    assert.equal(old.body.items.length, 0, 'nothing is older than an hour yet');
    const dismissed = await moderator.client.get<{ items: Item[] }>('/api/moderation/queue?status=dismissed');
    assert.equal(dismissed.body.items.length, 1);
    assertError(await moderator.client.get('/api/moderation/queue/999999'), 404, 'not_found');
    assertError(await moderator.client.get('/api/moderation/queue?sort=random'), 400, 'invalid_request', 'sort');
  });
});
