// Flags: weights by trust level and accuracy (table-tested), flagging posts and members over HTTP, the
// threshold hiding a post (and a first post's topic) from readers and search, settling flags, and
// the posts service's withhold/release used by the review queue.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accuracyFactor, flagWeight, hidesPost, notifyFlaggers, settleFlags, tallyReasons } from '../../src/server/features/moderation/flags';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space, type TopicDetail } from '../discussions/helpers';

interface MyFlag {
  id: number;
  postId: number | null;
  topicId: number | null;
  member: { id: number; username: string | null };
  reason: string;
  message: string | null;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
}
interface PostFlags {
  postId: number;
  openWeight: number;
  threshold: number;
  moderationState: string | null;
  items: { id: number; flagger: { id: number; trustLevel: number }; reason: string; message: string | null; weight: number; status: string; reviewItemId: number | null }[];
}
interface Notification {
  type: string;
  title: string;
  notice: { text: string; url: string | null } | null;
}

describe('flag weights (rules)', () => {
  test('accuracy: 1 with no record, up with agreed flags, down with disagreed ones, within 0.5–1.5', () => {
    assert.equal(accuracyFactor({ agreed: 0, disagreed: 0 }), 1);
    assert.ok(Math.abs(accuracyFactor({ agreed: 1, disagreed: 0 }) - 7 / 6) < 1e-9);
    assert.ok(Math.abs(accuracyFactor({ agreed: 0, disagreed: 1 }) - 5 / 6) < 1e-9);
    const best = accuracyFactor({ agreed: 1000, disagreed: 0 });
    const worst = accuracyFactor({ agreed: 0, disagreed: 1000 });
    assert.ok(best < 1.5 && best > 1.49, String(best));
    assert.ok(worst > 0.5 && worst < 0.51, String(worst));
  });

  test('weight: by trust level, times accuracy; staff weigh 2', () => {
    const none = { agreed: 0, disagreed: 0 };
    const table: [number, number][] = [[0, 0.5], [1, 0.75], [2, 1], [3, 1.25], [4, 1.5]];
    for (const [trustLevel, weight] of table) assert.equal(flagWeight({ trustLevel, isStaff: false }, none), weight, `TL${trustLevel}`);
    assert.equal(flagWeight({ trustLevel: 2, isStaff: false }, { agreed: 1, disagreed: 0 }), 1.167);
    assert.equal(flagWeight({ trustLevel: 2, isStaff: false }, { agreed: 0, disagreed: 1 }), 0.833);
    assert.equal(flagWeight({ trustLevel: 0, isStaff: true }, { agreed: 0, disagreed: 9 }), 2);
  });

  test('threshold: reached with float slack; never for staff authors', () => {
    assert.equal(hidesPost(2.99999, 3, false), true);
    assert.equal(hidesPost(2.9, 3, false), false);
    assert.equal(hidesPost(9, 3, true), false);
    assert.deepEqual(tallyReasons(['spam', 'spam', 'other']), { spam: 2, other: 1 });
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let author: TestMember;
let reader: TestMember;
let flaggers: TestMember[];
let space: Space;
let privateSpace: Space;

const db = () => server.runtime.ctx.database.db;
const flag = (m: TestMember, postId: number, body: Record<string, unknown> = { reason: 'spam' }) => m.client.post<MyFlag>(`/api/posts/${postId}/flags`, body);
const postFlags = async (postId: number) => (await moderator.client.get<PostFlags>(`/api/posts/${postId}/flags`)).body;
const notices = async (m: TestMember) => (await m.client.get<{ items: Notification[] }>('/api/notifications?limit=50')).body.items.filter((n) => n.type === 'moderation');

async function setLevel(m: TestMember, trustLevel: number): Promise<void> {
  const reply = await admin.client.patch(`/api/admin/members/${m.id}`, { trustLevel });
  assert.equal(reply.status, 200, reply.text);
}

before(async () => {
  server = await startTestServer();
  [admin, moderator, author, reader] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server), createMember(server)]);
  flaggers = await Promise.all([createMember(server), createMember(server), createMember(server)]);
  for (const f of flaggers) await setLevel(f, 2);
  await setLevel(reader, 1);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

describe('POST /api/posts/{id}/flags', () => {
  test('401, 400, 403, 404, own_post, already_flagged; 201 with the flag', async () => {
    const topic = await createTopic(author.client, space.id, 'Something to flag', 'Flag me');
    const post = await replyTo(author.client, topic.id, 'a reply to flag');
    const hidden = await createTopic(admin.client, privateSpace.id, 'staff only');
    assertError(await server.client().post(`/api/posts/${post.id}/flags`, { reason: 'spam' }), 401, 'unauthorized');
    assertError(await flag(reader, post.id, { reason: 'nonsense' }), 400, 'invalid_request', 'reason');
    assertError(await flag(reader, post.id, { reason: 'other' }), 400, 'invalid_request', 'message');
    assertError(await flag(reader, post.id, { reason: 'other', message: '   ' }), 400, 'invalid_request', 'message');
    assertError(await flag(reader, post.id, { reason: 'spam', message: 'x'.repeat(1001) }), 400, 'invalid_request', 'message');
    const key = await createApiKey(reader, 'read');
    assertError(await reader.client.post(`/api/posts/${post.id}/flags`, { reason: 'spam' }, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await flag(reader, 999_999), 404, 'not_found');
    assertError(await flag(reader, hidden.posts[0]?.id ?? 0), 404, 'not_found');
    assertError(await flag(author, post.id), 400, 'own_post');

    const created = await flag(reader, post.id, { reason: 'other', message: '  off-site scam  ' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.postId, post.id);
    assert.equal(created.body.topicId, topic.id);
    assert.deepEqual(created.body.member, { id: author.id, username: author.username });
    assert.deepEqual([created.body.reason, created.body.message, created.body.status, created.body.resolvedAt], ['other', 'off-site scam', 'open', null]);
    assert.equal('weight' in created.body, false, 'flaggers do not see weights');
    assertError(await flag(reader, post.id, { reason: 'spam' }), 409, 'already_flagged');

    const listed = await postFlags(post.id);
    assert.equal(listed.items.length, 1, 'the repeated flag counted once');
    assert.equal(listed.items[0]?.weight, 0.75, 'a trust level 1 flagger with no record');
    assert.deepEqual([listed.openWeight, listed.threshold, listed.moderationState], [0.75, 3, null]);
    const activity = await db().selectFrom('activities').select(['kind', 'post_id']).where('member_id', '=', reader.id).where('kind', '=', 'flag.created').execute();
    assert.deepEqual(activity, [{ kind: 'flag.created', post_id: post.id }]);
  });

  test('a settled flag: no second flag on the unchanged post; once the post is edited, a new flag is taken', async () => {
    const topic = await createTopic(author.client, space.id, 'Flag, settle, edit', 'Flag me twice');
    const post = await replyTo(author.client, topic.id, 'harmless at first');
    // A flagger of its own: a disagreed flag lowers the weight of their later flags.
    const flagger = await createMember(server);
    assert.equal((await flag(flagger, post.id)).status, 201);
    const queue = await moderator.client.get<{ items: { id: number; post: { id: number } | null }[] }>('/api/moderation/queue?kind=flagged_post');
    const item = queue.body.items.find((i) => i.post?.id === post.id);
    assert.ok(item, queue.text);
    assert.equal((await moderator.client.post(`/api/moderation/queue/${item.id}/decision`, { action: 'approve', reason: 'Harmless' })).status, 200);
    assertError(await flag(flagger, post.id), 409, 'already_flagged');
    const edited = await author.client.patch(`/api/posts/${post.id}`, { body: 'now it is an advert for pills', revision: 1 });
    assert.equal(edited.status, 200, edited.text);
    const again = await flag(flagger, post.id);
    assert.equal(again.status, 201, again.text);
    assertError(await flag(flagger, post.id), 409, 'already_flagged');
    assert.deepEqual((await postFlags(post.id)).items.map((f) => f.status).sort(), ['disagreed', 'open'], 'the settled flag and the new one');
  });

  test('three trust level 2 flags hide the post from readers and search; the author is told', async () => {
    const word = `zorblax${Date.now().toString(36)}`;
    const topic = await createTopic(author.client, space.id, 'A calm topic', 'Calm topic');
    const post = await replyTo(author.client, topic.id, `buy ${word} now`);
    const search = async () => (await reader.client.get<{ items: { postId: number | null }[] }>(`/api/search?q=${word}`)).body.items.map((h) => h.postId);
    const visible = async () => (await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body;
    assert.deepEqual(await search(), [post.id]);

    const [a, b, c] = flaggers;
    assert.ok(a && b && c);
    assert.equal((await flag(a, post.id, { reason: 'spam' })).status, 201);
    assert.equal((await flag(b, post.id, { reason: 'spam' })).status, 201);
    const shown = async () => (await visible()).posts.find((p) => p.id === post.id);
    assert.deepEqual([(await shown())?.deleted, (await shown())?.body], [false, `buy ${word} now`], 'two flags: still there');
    assert.equal((await postFlags(post.id)).openWeight, 2);
    assert.equal((await flag(c, post.id, { reason: 'harassment' })).status, 201);

    const gone = await shown();
    assert.deepEqual([gone?.deleted, gone?.body, gone?.html], [true, '', ''], 'readers see a deleted placeholder');
    assert.equal((await visible()).replyCount, 0);
    assert.deepEqual(await search(), [], 'hidden from search');
    assertError(await flag(reader, post.id), 404, 'not_found');
    const flags = await postFlags(post.id);
    assert.deepEqual([flags.openWeight, flags.moderationState, flags.items.map((f) => f.weight)], [3, 'hidden', [1, 1, 1]]);

    const item = await db().selectFrom('review_items').select(['kind', 'score', 'reason', 'member_id', 'status']).where('post_id', '=', post.id).executeTakeFirstOrThrow();
    assert.deepEqual([item.kind, item.score, item.member_id, item.status], ['flagged_post', 3, author.id, 'pending']);
    assert.deepEqual(item.reason, { source: 'flags', reasons: { spam: 2, harassment: 1 }, flags: 3 });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'reason']).where('action', '=', 'post.hide').where('target_id', '=', String(post.id)).execute();
    assert.deepEqual(audit, [{ actor_id: null, reason: 'flag threshold' }]);
    const told = await notices(author);
    assert.equal(told[0]?.title, 'Your post was hidden');
    assert.match(told[0]?.notice?.text ?? '', /hidden after flags from the community; a moderator will review it/);
  });

  test('staff flags weigh 2: two of them hide a first post and its topic', async () => {
    const topic = await createTopic(author.client, space.id, 'Spammy opener', 'Spam topic');
    const before = (await reader.client.get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === space.id);
    assert.equal((await flag(moderator, topic.posts[0]?.id ?? 0)).status, 201);
    assert.equal((await flag(admin, topic.posts[0]?.id ?? 0)).status, 201);
    assertError(await reader.client.get(`/api/topics/${topic.id}`), 404, 'not_found');
    const now = (await reader.client.get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === space.id);
    assert.equal(now?.topicCount, (before?.topicCount ?? 0) - 1);
    const row = await db().selectFrom('topics').select(['moderation_state']).where('id', '=', topic.id).executeTakeFirstOrThrow();
    assert.equal(row.moderation_state, 'hidden');
  });

  test('a staff member\'s post is queued but never hidden by flags', async () => {
    const topic = await createTopic(moderator.client, space.id, 'Staff words', 'Staff topic');
    for (const f of flaggers) assert.equal((await flag(f, topic.posts[0]?.id ?? 0)).status, 201);
    assert.equal((await reader.client.get(`/api/topics/${topic.id}`)).status, 200);
    assert.equal((await postFlags(topic.posts[0]?.id ?? 0)).moderationState, null);
  });
});

describe('POST /api/members/{id}/flags', () => {
  test('401, 404, own_post; one open flag per member', async () => {
    const target = await createMember(server);
    assertError(await server.client().post(`/api/members/${target.id}/flags`, { reason: 'harassment' }), 401, 'unauthorized');
    assertError(await reader.client.post(`/api/members/${reader.id}/flags`, { reason: 'harassment' }), 400, 'own_post');
    assertError(await reader.client.post('/api/members/999999/flags', { reason: 'harassment' }), 404, 'not_found');
    const created = await reader.client.post<MyFlag>(`/api/members/${target.id}/flags`, { reason: 'harassment', message: 'sends rude messages' });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.postId, created.body.member.id, created.body.status], [null, target.id, 'open']);
    assertError(await reader.client.post(`/api/members/${target.id}/flags`, { reason: 'spam' }), 409, 'already_flagged');
    const item = await db().selectFrom('review_items').select(['kind', 'post_id', 'score']).where('member_id', '=', target.id).executeTakeFirstOrThrow();
    assert.deepEqual(item, { kind: 'flagged_member', post_id: null, score: 0.75 });
  });
});

describe('GET /api/posts/{id}/flags and GET /api/me/flags', () => {
  test('401, 403, 404; the member\'s own flags newest first, paged', async () => {
    const topic = await createTopic(author.client, space.id);
    assertError(await server.client().get(`/api/posts/${topic.posts[0]?.id ?? 0}/flags`), 401, 'unauthorized');
    assertError(await reader.client.get(`/api/posts/${topic.posts[0]?.id ?? 0}/flags`), 403, 'forbidden');
    assertError(await moderator.client.get('/api/posts/999999/flags'), 404, 'not_found');
    assertError(await server.client().get('/api/me/flags'), 401, 'unauthorized');
    const first = await reader.client.get<{ items: MyFlag[]; nextCursor: string | null }>('/api/me/flags?limit=1');
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const second = await reader.client.get<{ items: MyFlag[] }>(`/api/me/flags?limit=1&cursor=${first.body.nextCursor}`);
    assert.ok((second.body.items[0]?.id ?? Infinity) < (first.body.items[0]?.id ?? 0), 'newest first');
    assertError(await reader.client.get('/api/me/flags?cursor=nope'), 400, 'invalid_request', 'cursor');
  });
});

describe('settling flags', () => {
  test('settleFlags marks the open flags and returns the flaggers; accuracy moves the next weight', async () => {
    const [a, b, c] = flaggers;
    assert.ok(a && b && c);
    const topic = await createTopic(author.client, space.id, 'Settle these', 'Settle topic');
    const one = await replyTo(author.client, topic.id, 'first flagged reply');
    const two = await replyTo(author.client, topic.id, 'second flagged reply');
    assert.equal((await flag(a, one.id)).status, 201);
    assert.equal((await flag(b, two.id)).status, 201);
    const itemOf = async (postId: number) => (await db().selectFrom('review_items').select('id').where('post_id', '=', postId).where('status', '=', 'pending').executeTakeFirstOrThrow()).id;

    const { ctx } = server.runtime;
    const [itemOne, itemTwo] = [await itemOf(one.id), await itemOf(two.id)];
    const agreed = await ctx.database.tx(async (trx) => {
      const ids = await settleFlags(trx, itemOne, 'agreed');
      return { ids, written: await notifyFlaggers(trx, ids, 'agreed', 'Settle topic') };
    });
    assert.deepEqual(agreed.ids, [a.id]);
    assert.equal(agreed.written.length, 1);
    assert.deepEqual(await ctx.database.tx((trx) => settleFlags(trx, 999_999, 'disagreed')), [], 'no such item');
    assert.deepEqual(await ctx.database.tx((trx) => settleFlags(trx, itemTwo, 'disagreed')), [b.id]);
    assert.deepEqual(await ctx.database.tx((trx) => settleFlags(trx, itemTwo, 'disagreed')), [], 'nothing open any more');

    const mine = (await a.client.get<{ items: MyFlag[] }>('/api/me/flags')).body.items.find((f) => f.postId === one.id);
    assert.equal(mine?.status, 'agreed');
    assert.ok(mine?.resolvedAt);
    assert.match((await notices(a))[0]?.notice?.text ?? '', /moderators agreed with your flag on "Settle topic" and acted/);

    const next = await replyTo(author.client, topic.id, 'a third reply');
    assert.equal((await flag(a, next.id)).status, 201);
    assert.equal((await flag(b, next.id)).status, 201);
    assert.equal((await flag(c, next.id)).status, 201);
    const weights = new Map((await postFlags(next.id)).items.map((f) => [f.flagger.id, f.weight]));
    assert.equal(weights.get(a.id), 1.167, 'one agreed flag: up');
    assert.equal(weights.get(b.id), 0.833, 'one disagreed flag: down');
    assert.equal(weights.get(c.id), 1, 'no settled flags: as before');
  });
});

describe('posts service: withhold and release', () => {
  test('idempotent, counters and readers follow, a first post takes its topic along', async () => {
    const { posts } = server.runtime.services.discussions;
    const topic = await createTopic(author.client, space.id, 'Opening words', 'Withhold topic');
    const reply = await replyTo(author.client, topic.id, 'a reply to withhold');
    const page = async () => reader.client.get<TopicDetail>(`/api/topics/${topic.id}`);

    assert.equal(await posts.withhold(reply.id, 'held', null), true);
    assert.equal(await posts.withhold(reply.id, 'held', null), false, 'already withheld');
    assert.equal(await posts.withhold(reply.id, 'rejected', moderator.id), false, 'only the state changes');
    const state = await db().selectFrom('posts').select(['moderation_state', 'deleted_at']).where('id', '=', reply.id).executeTakeFirstOrThrow();
    assert.equal(state.moderation_state, 'rejected');
    assert.ok(state.deleted_at);
    assert.equal((await page()).body.replyCount, 0);
    assert.equal(await posts.release(reply.id), true);
    assert.equal(await posts.release(reply.id), false, 'not withheld any more');
    assert.equal((await page()).body.replyCount, 1);
    assert.equal((await page()).body.posts.find((p) => p.id === reply.id)?.deleted, false);

    const first = topic.posts[0]?.id ?? 0;
    assert.equal(await posts.withhold(first, 'hidden', null), true);
    assertError(await page(), 404, 'not_found');
    assert.equal(await posts.release(first), true);
    const back = await page();
    assert.equal(back.status, 200, back.text);
    assert.equal(back.body.replyCount, 1);

    assert.equal((await author.client.delete(`/api/posts/${reply.id}`)).status, 204);
    assert.equal(await posts.withhold(reply.id, 'rejected', moderator.id), false, 'deleted by its author: left as it is');
    assert.equal(await posts.release(reply.id), false);
  });
});
