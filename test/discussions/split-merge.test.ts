// Split and merge: staff move replies into a new topic, or a whole topic into another. Posts are numbered
// 1, 2, 3 … again; reply counts, space counters, read marks and notifications follow; audited; private
// spaces answer 404; a merged topic points at where its posts went.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { leadingRead, planMerge, planSplit, remapReadMarks, type PostFact } from '../../src/server/features/discussions/split-merge/split-merge.rules';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type TopicDetail } from './helpers';

interface Detail extends TopicDetail {
  lastReadPostNumber?: number;
  unreadCount?: number;
  mergedIntoId: number | null;
  deletedAt: string | null;
}

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;

const db = () => server.runtime.ctx.database.db;
const audits = (action: string, targetId: number) =>
  db().selectFrom('audit_log').select(['actor_id', 'before', 'after']).where('action', '=', action).where('target_id', '=', String(targetId)).execute();
const detail = async (client: TestMember['client'], id: number): Promise<Detail> => {
  const reply = await client.get<Detail>(`/api/topics/${id}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
};
const spaceOf = async (id: number): Promise<Space> => {
  const found = (await admin.client.get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === id);
  assert.ok(found);
  return found;
};
const markRead = async (client: TestMember['client'], topicId: number, postNumber: number) => {
  const reply = await client.request('PUT', `/api/topics/${topicId}/read`, { body: { postNumber } });
  assert.equal(reply.status, 200, reply.text);
};
const bodies = (t: TopicDetail) => t.posts.map((p) => [p.postNumber, p.body]);

/** A topic by `member` with replies "r2" … "rN" alternating between other and moderator. */
async function topicWithReplies(spaceId: number, replies: number, title = 'A topic to split'): Promise<{ topic: TopicDetail; posts: Post[] }> {
  const topic = await createTopic(member.client, spaceId, 'r1', title);
  const posts: Post[] = [];
  for (let n = 2; n <= replies + 1; n++) posts.push(await replyTo(n % 2 ? moderator.client : other.client, topic.id, `r${n}`));
  return { topic, posts };
}

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

describe('split and merge rules', () => {
  const fact = (id: number, topicId: number, postNumber: number, ms: number, isDeleted = false): PostFact => ({ id, topicId, postNumber, authorId: 1, createdAt: new Date(ms), isDeleted });

  test('planSplit keeps the first post, keeps order, refuses strangers and a deleted first post', () => {
    const posts = [fact(10, 1, 1, 0), fact(11, 1, 2, 1), fact(12, 1, 3, 2, true), fact(13, 1, 4, 3)];
    const plan = planSplit(posts, new Set([13, 11]));
    assert.ok(plan.ok);
    assert.deepEqual(plan.value.moved.map((p) => p.id), [11, 13]);
    assert.deepEqual(plan.value.kept.map((p) => p.id), [10, 12]);
    for (const [selected, message] of [[[10, 11], /first post/], [[99], /not in this topic/], [[12, 13], /deleted post/]] as const) {
      const refused = planSplit(posts, new Set(selected));
      assert.ok(!refused.ok);
      assert.match(refused.message, message);
    }
  });

  test('planMerge keeps the target\'s first post first and orders the rest by time', () => {
    const target = [fact(1, 1, 1, 100), fact(2, 1, 2, 300)];
    const source = [fact(3, 2, 1, 50), fact(4, 2, 2, 300), fact(5, 2, 3, 400)];
    const plan = planMerge(target, source);
    assert.ok(plan.ok);
    assert.deepEqual(plan.value.map((p) => p.id), [1, 3, 2, 4, 5]);
  });

  test('leadingRead counts the posts read before the first unread one', () => {
    const sequence = [{ topicId: 1, postNumber: 1 }, { topicId: 2, postNumber: 1 }, { topicId: 1, postNumber: 2 }];
    const cases: [Map<number, number>, number][] = [
      [new Map<number, number>(), 0],
      [new Map([[1, 5]]), 1],
      [new Map([[1, 5], [2, 1]]), 3],
      [new Map([[2, 1]]), 0],
    ];
    for (const [marks, expected] of cases) assert.equal(leadingRead(sequence, marks), expected, JSON.stringify([...marks]));
    assert.deepEqual(remapReadMarks(sequence, 1, [{ memberId: 7, topicId: 1, lastReadPostNumber: 2 }, { memberId: 7, topicId: 2, lastReadPostNumber: 1 }]), [
      { memberId: 7, topicId: 1, lastReadPostNumber: 3 },
    ]);
  });
});

describe('POST /api/topics/{id}/split', () => {
  test('401, 400, 403, 404 and 409', async () => {
    const { topic, posts } = await topicWithReplies(space.id, 2);
    const hidden = await createTopic(admin.client, privateSpace.id);
    const stranger = await createTopic(member.client, space.id);
    const reply = posts[0]?.id ?? 0;
    const body = { postIds: [reply], title: 'Split off topic' };
    assertError(await server.client().post(`/api/topics/${topic.id}/split`, body), 401, 'unauthorized');
    const c = moderator.client;
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, postIds: [] }), 400, 'invalid_request', 'postIds');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, postIds: [reply, reply] }), 400, 'invalid_request', 'postIds');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { postIds: [reply] }), 400, 'invalid_request', 'title');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, title: '   ' }), 400, 'invalid_request', 'title');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, extra: true }), 400, 'invalid_request', 'extra');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, postIds: [topic.posts[0]?.id] }), 400, 'invalid_request', 'postIds');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, postIds: [stranger.posts[0]?.id] }), 400, 'invalid_request', 'postIds');
    assertError(await c.post(`/api/topics/${topic.id}/split`, { ...body, spaceId: 999_999 }), 400, 'invalid_request', 'spaceId');
    assertError(await member.client.post(`/api/topics/${topic.id}/split`, body), 403, 'forbidden');
    const key = await createApiKey(moderator, 'read');
    assertError(await c.post(`/api/topics/${topic.id}/split`, body, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await c.post('/api/topics/999999/split', body), 404, 'not_found');
    assertError(await member.client.post(`/api/topics/${hidden.id}/split`, body), 404, 'not_found');
    const gone = await createTopic(member.client, space.id);
    assert.equal((await moderator.client.delete(`/api/posts/${gone.posts[0]?.id ?? 0}`)).status, 204);
    assertError(await c.post(`/api/topics/${gone.id}/split`, body), 409, 'conflict');
    assert.equal((await detail(member.client, topic.id)).posts.length, 3, 'nothing moved');
  });

  test('201: the replies become a new topic; both are numbered again, counted, read marks and notifications follow, audited', async () => {
    const s = await createSpace(admin.client, 'public');
    const { topic, posts } = await topicWithReplies(s.id, 5);
    const [p2, p3, p4, p5, p6] = posts;
    assert.ok(p2 && p3 && p4 && p5 && p6);
    assert.equal((await moderator.client.delete(`/api/posts/${p4.id}`)).status, 204);
    const reply5 = await other.client.post<Post>(`/api/topics/${topic.id}/posts`, { body: 'r7 replying to r3', replyToPostId: p3.id });
    assert.equal(reply5.status, 201, reply5.text);
    await markRead(member.client, topic.id, 7);
    await markRead(admin.client, topic.id, 3);
    const before = await spaceOf(s.id);
    // Read (and so cached) before the split: what is shown afterwards must not come from before.
    assert.equal((await detail(moderator.client, topic.id)).posts.length, 7);
    assert.equal((await detail(server.client(), topic.id)).replyCount, 5);
    const events: unknown[] = [];
    server.runtime.ctx.bus.on('topic.split', (e) => void events.push(e));

    const split = await moderator.client.post<Detail>(`/api/topics/${topic.id}/split`, { postIds: [p5.id, p3.id, reply5.body.id], title: '  A side conversation ' });
    assert.equal(split.status, 201, split.text);
    const created = split.body;
    assert.equal(created.title, 'A side conversation');
    assert.equal(created.slug, 'a-side-conversation');
    assert.equal(created.spaceId, s.id);
    assert.equal(created.author.id, moderator.id, 'the first moved post\'s author starts the topic');
    assert.deepEqual(bodies(created), [[1, 'r3'], [2, 'r5'], [3, 'r7 replying to r3']]);
    assert.equal(created.replyCount, 2);
    assert.equal(created.posts[2]?.replyToPostId, p3.id, 'a reply within the new topic keeps its link');
    assert.deepEqual(events, [{ topicId: topic.id, spaceId: s.id, newTopicId: created.id }]);

    const source = await detail(moderator.client, topic.id);
    assert.deepEqual(bodies(source), [[1, 'r1'], [2, 'r2'], [3, 'r4'], [4, 'r6']]);
    assert.equal(source.replyCount, 2, 'r2 and r6; r4 is deleted');
    const row = await db().selectFrom('topics').select(['last_post_number', 'reply_count']).where('id', '=', topic.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { last_post_number: 4, reply_count: 2 });

    const after = await spaceOf(s.id);
    assert.equal(after.topicCount, before.topicCount + 1);
    assert.equal(after.postCount, before.postCount, 'the posts stayed in the space');

    // member had read everything; admin had read up to r3 (post 3).
    const mine = [await detail(member.client, topic.id), await detail(member.client, created.id)];
    assert.deepEqual(mine.map((t) => [t.lastReadPostNumber, t.unreadCount]), [[4, 0], [3, 0]]);
    const theirs = [await detail(admin.client, topic.id), await detail(admin.client, created.id)];
    assert.deepEqual(theirs.map((t) => [t.lastReadPostNumber, t.unreadCount]), [[2, 2], [1, 2]]);

    // The reply notification about r3 (to the topic's author) now points at the new topic.
    const notes = await db().selectFrom('notifications').select(['topic_id']).where('post_id', '=', p3.id).execute();
    assert.ok(notes.length > 0 && notes.every((n) => n.topic_id === created.id));
    const [audit] = await audits('topic.split', topic.id);
    assert.ok(audit);
    assert.equal(audit.actor_id, moderator.id);
    assert.deepEqual(audit.after, { newTopicId: created.id, spaceId: s.id, title: 'A side conversation' });
    assert.deepEqual(audit.before, { postIds: [p3.id, p5.id, reply5.body.id], postNumbers: [3, 5, 7] });

    // Replies go on from the new numbers.
    assert.equal((await replyTo(other.client, topic.id, 'r8')).postNumber, 5);
    assert.equal((await replyTo(other.client, created.id, 'next')).postNumber, 4);
  });

  test('into another space: the counters of both follow; members who cannot see it get 404', async () => {
    const { topic, posts } = await topicWithReplies(space.id, 3);
    const ids = posts.slice(1).map((p) => p.id);
    const [from, to] = [await spaceOf(space.id), await spaceOf(privateSpace.id)];
    const split = await moderator.client.post<Detail>(`/api/topics/${topic.id}/split`, { postIds: ids, title: 'Staff only now', spaceId: privateSpace.id });
    assert.equal(split.status, 201, split.text);
    const [from2, to2] = [await spaceOf(space.id), await spaceOf(privateSpace.id)];
    assert.deepEqual([from2.topicCount - from.topicCount, from2.postCount - from.postCount], [0, -2]);
    assert.deepEqual([to2.topicCount - to.topicCount, to2.postCount - to.postCount], [1, 2]);
    assertError(await member.client.get(`/api/topics/${split.body.id}`), 404, 'not_found');
    assertError(await server.client().get(`/api/topics/${split.body.id}`), 404, 'not_found');
    const search = await member.client.get<{ items: { topicId: number }[] }>('/api/search?q=r3');
    assert.ok(!search.body.items.some((h) => h.topicId === split.body.id), 'search leaves the private topic out');
  });
});

describe('POST /api/topics/{id}/merge', () => {
  test('401, 400, 403, 404 and 409', async () => {
    const a = await createTopic(member.client, space.id);
    const b = await createTopic(member.client, space.id);
    const hidden = await createTopic(admin.client, privateSpace.id);
    assertError(await server.client().post(`/api/topics/${b.id}/merge`, { intoTopicId: a.id }), 401, 'unauthorized');
    const c = moderator.client;
    assertError(await c.post(`/api/topics/${b.id}/merge`, {}), 400, 'invalid_request', 'intoTopicId');
    assertError(await c.post(`/api/topics/${b.id}/merge`, { intoTopicId: 'x' }), 400, 'invalid_request', 'intoTopicId');
    assertError(await c.post(`/api/topics/${b.id}/merge`, { intoTopicId: b.id }), 400, 'invalid_request', 'intoTopicId');
    assertError(await c.post(`/api/topics/${b.id}/merge`, { intoTopicId: 999_999 }), 400, 'invalid_request', 'intoTopicId');
    assertError(await member.client.post(`/api/topics/${b.id}/merge`, { intoTopicId: a.id }), 403, 'forbidden');
    assertError(await c.post('/api/topics/999999/merge', { intoTopicId: a.id }), 404, 'not_found');
    assertError(await member.client.post(`/api/topics/${hidden.id}/merge`, { intoTopicId: a.id }), 404, 'not_found');
    const gone = await createTopic(member.client, space.id);
    assert.equal((await moderator.client.delete(`/api/posts/${gone.posts[0]?.id ?? 0}`)).status, 204);
    assertError(await c.post(`/api/topics/${b.id}/merge`, { intoTopicId: gone.id }), 409, 'conflict', 'intoTopicId');
    assertError(await c.post(`/api/topics/${gone.id}/merge`, { intoTopicId: a.id }), 409, 'conflict');
  });

  test('200: every post moves, ordered by time; the source is closed, deleted and points there; counts, reads, audit', async () => {
    const s = await createSpace(admin.client, 'public');
    const target = await createTopic(member.client, s.id, 'a1', 'Where it all goes');
    const source = await createTopic(other.client, s.id, 'b1', 'The duplicate topic');
    await replyTo(moderator.client, target.id, 'a2');
    const b2 = await replyTo(member.client, source.id, 'b2');
    await replyTo(other.client, target.id, 'a3');
    await markRead(member.client, target.id, 3);
    await markRead(member.client, source.id, 2);
    await markRead(admin.client, source.id, 2);
    for (const t of [target, source]) assert.equal((await detail(server.client(), t.id)).mergedIntoId, null);
    assert.equal((await detail(admin.client, target.id)).unreadCount, 3);
    const bookmark = await member.client.post(`/api/posts/${b2.id}/bookmark`, {});
    assert.equal(bookmark.status, 201, bookmark.text);
    const before = await spaceOf(s.id);

    const merged = await moderator.client.post<Detail>(`/api/topics/${source.id}/merge`, { intoTopicId: target.id });
    assert.equal(merged.status, 200, merged.text);
    assert.equal(merged.body.id, target.id);
    assert.deepEqual(bodies(merged.body), [[1, 'a1'], [2, 'b1'], [3, 'a2'], [4, 'b2'], [5, 'a3']]);
    assert.equal(merged.body.replyCount, 4);

    const pointer = await detail(server.client(), source.id);
    assert.equal(pointer.mergedIntoId, target.id);
    assert.equal(pointer.closed, true);
    assert.ok(pointer.deletedAt);
    assert.deepEqual(pointer.posts, []);
    assert.equal(pointer.canReply, false);
    const page = await server.client().get(`/t/${source.slug}/${source.id}`);
    assert.equal(page.status, 301);
    assert.equal(page.headers.get('location'), `/t/${target.slug}/${target.id}`);
    assertError(await other.client.post(`/api/topics/${source.id}/posts`, { body: 'late' }), 404, 'not_found');
    assertError(await moderator.client.post(`/api/topics/${source.id}/merge`, { intoTopicId: target.id }), 409, 'conflict');

    const after = await spaceOf(s.id);
    assert.equal(after.topicCount, before.topicCount - 1);
    assert.equal(after.postCount, before.postCount);
    const listed = await server.client().get<{ items: { id: number }[] }>(`/api/spaces/${s.id}/topics`);
    assert.deepEqual(listed.body.items.map((t) => t.id), [target.id]);

    // member read all of both: all read. admin read all of the source but not a1: nothing read yet.
    const mine = await detail(member.client, target.id);
    assert.deepEqual([mine.lastReadPostNumber, mine.unreadCount], [5, 0]);
    const theirs = await detail(admin.client, target.id);
    assert.deepEqual([theirs.lastReadPostNumber, theirs.unreadCount], [0, 5]);
    const sourceReads = await db().selectFrom('topic_reads').select('member_id').where('topic_id', '=', source.id).execute();
    assert.deepEqual(sourceReads, []);

    const bookmarks = await member.client.get<{ items: { id: number; topicId: number; postNumber: number }[] }>('/api/bookmarks');
    assert.deepEqual(bookmarks.body.items.map((b) => [b.id, b.topicId, b.postNumber]), [[b2.id, target.id, 4]]);
    const hits = await server.client().get<{ items: { topicId: number; postId: number | null }[] }>('/api/search?q=b2&type=post');
    assert.deepEqual(hits.body.items.map((h) => [h.topicId, h.postId]), [[target.id, b2.id]]);
    const notes = await db().selectFrom('notifications').select('topic_id').where('topic_id', '=', source.id).execute();
    assert.deepEqual(notes, [], 'notifications follow their posts');

    assert.deepEqual(await audits('topic.merge', source.id), [
      { actor_id: moderator.id, before: { spaceId: s.id, title: 'The duplicate topic', posts: 2 }, after: { intoTopicId: target.id } },
    ]);
  });

  test('across spaces: counters follow; a merged topic in a private space stays 404 to members', async () => {
    const hidden = await createTopic(admin.client, privateSpace.id, 'secret', 'Private duplicate');
    const open = await createTopic(member.client, space.id, 'open', 'Public home');
    const [pub, priv] = [await spaceOf(space.id), await spaceOf(privateSpace.id)];
    const merged = await admin.client.post<Detail>(`/api/topics/${hidden.id}/merge`, { intoTopicId: open.id });
    assert.equal(merged.status, 200, merged.text);
    const [pub2, priv2] = [await spaceOf(space.id), await spaceOf(privateSpace.id)];
    assert.deepEqual([pub2.topicCount - pub.topicCount, pub2.postCount - pub.postCount], [0, 1]);
    assert.deepEqual([priv2.topicCount - priv.topicCount, priv2.postCount - priv.postCount], [-1, -1]);
    assertError(await member.client.get(`/api/topics/${hidden.id}`), 404, 'not_found');
    assert.equal((await detail(member.client, open.id)).posts.length, 2, 'the merged posts are public now');
  });
});
