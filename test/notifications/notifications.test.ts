// Mentions, notifications, notification levels and read tracking, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { Client } from '../support/client';
import { assertError, createSpace, createTopic, replyTo, type Space, type TopicDetail } from '../discussions/helpers';

interface Notification {
  id: number;
  type: 'reply' | 'mention' | 'reaction' | 'watching';
  actor: { id: number; username: string | null } | null;
  topicId: number;
  postId: number | null;
  postNumber: number | null;
  title: string;
  emoji: string | null;
  count: number;
  createdAt: string;
  readAt: string | null;
}
interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
}
interface TopicState {
  lastReadPostNumber?: number;
  unreadCount?: number;
  notificationLevel?: string;
}

let server: TestServer;
let alice: TestMember;
let bob: TestMember;
let carol: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;
let hidden: TopicDetail;
const created: { memberId: number; notificationId: number }[] = [];

const put = (client: Client, path: string, body: unknown) => client.request('PUT', path, { body });

async function notificationsOf(member: TestMember): Promise<Notification[]> {
  const reply = await member.client.get<NotificationPage>('/api/notifications?limit=100');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

async function unreadOf(member: TestMember): Promise<number> {
  const reply = await member.client.get<{ unreadCount: number }>('/api/notifications/unread-count');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.unreadCount;
}

const about = (items: Notification[], postId: number) => items.filter((n) => n.postId === postId);

before(async () => {
  server = await startTestServer();
  server.runtime.ctx.bus.on('notification.created', (e) => {
    created.push(e);
  });
  [alice, bob, carol, admin] = await Promise.all([createMember(server), createMember(server), createMember(server), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  hidden = await createTopic(admin.client, privateSpace.id);
});
after(() => server?.close());

describe('mentions', () => {
  test('an unknown @name is 400 unknown_mention on body, and nothing is stored', async () => {
    const topic = await createTopic(alice.client, space.id);
    assertError(await alice.client.post(`/api/topics/${topic.id}/posts`, { body: 'hey @nobody_here_at_all' }), 400, 'unknown_mention', 'body');
    const detail = await alice.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.equal(detail.body.posts.length, 1);
    assertError(await alice.client.post('/api/topics', { spaceId: space.id, title: 'Mentions nobody', body: '@nobody_here_at_all look' }), 400, 'unknown_mention', 'body');
    const first = topic.posts[0];
    assert.ok(first);
    assertError(await alice.client.patch(`/api/posts/${first.id}`, { body: 'now @nobody_here_at_all', revision: 1 }), 400, 'unknown_mention', 'body');
  });

  test('mentions render as links to /u/name; code, links and e-mail addresses do not count', async () => {
    const topic = await createTopic(alice.client, space.id);
    const post = await replyTo(alice.client, topic.id, `Hi @${bob.username}, see \`@ghost_one\` and mail x@${bob.username}.com\n\n\`\`\`\n@ghost_two\n\`\`\`\n\n[@ghost_three](https://example.com)`);
    assert.match(post.html, new RegExp(`<a href="/u/${bob.username}" class="mention" rel="nofollow ugc noopener">@${bob.username}</a>`));
    assert.equal(post.html.match(/class="mention"/g)?.length, 1);
    assert.match(post.html, /<code>@ghost_one<\/code>/);
    const mentions = about(await notificationsOf(bob), post.id);
    assert.deepEqual(mentions.map((n) => [n.type, n.actor?.id, n.topicId, n.postNumber]), [['mention', alice.id, topic.id, post.postNumber]]);
  });

  test('a mention in a new topic notifies; someone who cannot see the space is not notified', async () => {
    const topic = await createTopic(alice.client, space.id, `@${carol.username} what do you think?`);
    const firstId = topic.posts[0]?.id ?? 0;
    assert.deepEqual(about(await notificationsOf(carol), firstId).map((n) => n.type), ['mention']);
    const secret = await replyTo(admin.client, hidden.id, `@${carol.username} you cannot see this`);
    assert.deepEqual(about(await notificationsOf(carol), secret.id), []);
    assert.equal(await server.runtime.ctx.database.db.selectFrom('notifications').select('id').where('post_id', '=', secret.id).execute().then((r) => r.length), 0);
  });
});

describe('GET /api/notifications and /api/notifications/unread-count', () => {
  test('401, 400', async () => {
    assertError(await server.client().get('/api/notifications'), 401, 'unauthorized');
    assertError(await server.client().get('/api/notifications/unread-count'), 401, 'unauthorized');
    assertError(await alice.client.get('/api/notifications?limit=0'), 400, 'invalid_request', 'limit');
    assertError(await alice.client.get('/api/notifications?cursor=nope'), 400, 'invalid_request', 'cursor');
    // Cursors of the right shape with values no row has: 400, never a database error.
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const key of [['2026-01-01T00:00:00.000Z', 1e30], ['2026-01-01T00:00:00.000Z', 1.5], ['+275760-09-13T00:00:00.000Z', 1], ['2026-01-01T00:00:00.000Z', -1]]) {
      assertError(await alice.client.get(`/api/notifications?cursor=${forged(key)}`), 400, 'invalid_request', 'cursor');
    }
  });

  test('replies reach the post replied to, or the topic\'s author; never yourself; newest first, paged', async () => {
    const topic = await createTopic(alice.client, space.id);
    const own = await replyTo(alice.client, topic.id, 'talking to myself');
    const fromBob = await replyTo(bob.client, topic.id, 'an answer');
    const quoted = await carol.client.post<{ id: number }>(`/api/topics/${topic.id}/posts`, { body: 'replying to bob', replyToPostId: fromBob.id });
    assert.equal(quoted.status, 201, quoted.text);
    const forAlice = await notificationsOf(alice);
    assert.deepEqual(about(forAlice, own.id), []);
    assert.deepEqual(about(forAlice, fromBob.id).map((n) => [n.type, n.actor?.id, n.title, n.readAt]), [['reply', bob.id, topic.title, null]]);
    assert.deepEqual(about(forAlice, quoted.body.id), [], 'a reply to bob\'s post goes to bob');
    assert.deepEqual(about(await notificationsOf(bob), quoted.body.id).map((n) => n.type), ['reply']);
    assert.ok(created.some((e) => e.memberId === bob.id));

    const first = await bob.client.get<NotificationPage>('/api/notifications?limit=1');
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const second = await bob.client.get<NotificationPage>(`/api/notifications?limit=1&cursor=${first.body.nextCursor}`);
    assert.equal(second.status, 200, second.text);
    const [a, b] = [first.body.items[0], second.body.items[0]];
    assert.ok(a && b && (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)));
  });

  test('reactions on your post collapse into one unread notification', async () => {
    const topic = await createTopic(alice.client, space.id);
    const postId = topic.posts[0]?.id ?? 0;
    for (const [member, emoji] of [[bob, '👍'], [bob, '❤️'], [carol, '🎉']] as const) {
      const reply = await member.client.post(`/api/posts/${postId}/reactions`, { emoji });
      assert.equal(reply.status, 201, reply.text);
    }
    await alice.client.post(`/api/posts/${postId}/reactions`, { emoji: '👍' });
    const reactions = about(await notificationsOf(alice), postId);
    assert.deepEqual(reactions.map((n) => [n.type, n.count, n.emoji, n.actor?.id]), [['reaction', 3, '🎉', carol.id]]);
  });

  test('notifications about a space the member can no longer see are left out', async () => {
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: `g${Date.now().toString(36)}`, description: 'insiders' });
    assert.equal(group.status, 201, group.text);
    assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: bob.username })).status < 300, true);
    const grant = await put(admin.client, `/api/spaces/${privateSpace.id}/permissions`, { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] });
    assert.equal(grant.status, 200, grant.text);
    const post = await replyTo(admin.client, hidden.id, `@${bob.username} for insiders`);
    assert.equal(about(await notificationsOf(bob), post.id).length, 1);
    const before = await unreadOf(bob);
    assert.equal((await put(admin.client, `/api/spaces/${privateSpace.id}/permissions`, { grants: [] })).status, 200);
    assert.deepEqual(about(await notificationsOf(bob), post.id), []);
    assert.equal(await unreadOf(bob), before - 1);
  });
});

describe('POST /api/notifications/read', () => {
  test('401, 400, 403, 404', async () => {
    assertError(await server.client().post('/api/notifications/read', {}), 401, 'unauthorized');
    assertError(await bob.client.post('/api/notifications/read', { ids: ['x'] }), 400, 'invalid_request');
    assertError(await bob.client.post('/api/notifications/read', { all: true }), 400, 'invalid_request', 'all');
    const key = await createApiKey(bob, 'read');
    assertError(await bob.client.request('POST', '/api/notifications/read', { body: {}, apiKey: key.key }), 403, 'insufficient_scope');
    const [someoneElses] = await notificationsOf(alice);
    assert.ok(someoneElses);
    assertError(await bob.client.post('/api/notifications/read', { ids: [someoneElses.id] }), 404, 'not_found');
  });

  test('200: the given ids, then all', async () => {
    const topic = await createTopic(carol.client, space.id);
    await replyTo(bob.client, topic.id, 'one');
    await replyTo(alice.client, topic.id, 'two');
    const unread = (await notificationsOf(carol)).filter((n) => n.readAt === null);
    assert.ok(unread.length >= 2);
    const total = await unreadOf(carol);
    const [first] = unread;
    assert.ok(first);
    const marked = await carol.client.post<{ marked: number; unreadCount: number }>('/api/notifications/read', { ids: [first.id] });
    assert.equal(marked.status, 200, marked.text);
    assert.deepEqual(marked.body, { marked: 1, unreadCount: total - 1 });
    assert.ok((await notificationsOf(carol)).find((n) => n.id === first.id)?.readAt);
    const all = await carol.client.post<{ marked: number; unreadCount: number }>('/api/notifications/read', {});
    assert.deepEqual(all.body, { marked: total - 1, unreadCount: 0 });
  });
});

describe('PUT /api/topics/{id}/notification-level and /api/spaces/{id}/notification-level', () => {
  test('401, 400, 403, 404', async () => {
    const topic = await createTopic(alice.client, space.id);
    for (const path of [`/api/topics/${topic.id}/notification-level`, `/api/spaces/${space.id}/notification-level`]) {
      assertError(await put(server.client(), path, { level: 'watching' }), 401, 'unauthorized');
      assertError(await put(bob.client, path, { level: 'loud' }), 400, 'invalid_request', 'level');
      const key = await createApiKey(bob, 'read');
      assertError(await bob.client.request('PUT', path, { body: { level: 'watching' }, apiKey: key.key }), 403, 'insufficient_scope');
    }
    assertError(await put(bob.client, `/api/topics/${hidden.id}/notification-level`, { level: 'watching' }), 404, 'not_found');
    assertError(await put(bob.client, `/api/spaces/${privateSpace.id}/notification-level`, { level: 'watching' }), 404, 'not_found');
    assertError(await put(bob.client, '/api/topics/999999/notification-level', { level: 'watching' }), 404, 'not_found');
  });

  test('authors track their topics; watching a topic brings every post; the level shows on the topic', async () => {
    const topic = await createTopic(alice.client, space.id);
    assert.equal((await alice.client.get<TopicState>(`/api/topics/${topic.id}`)).body.notificationLevel, 'tracking');
    const set = await put(carol.client, `/api/topics/${topic.id}/notification-level`, { level: 'watching' });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.body, { level: 'watching' });
    assert.equal((await carol.client.get<TopicState>(`/api/topics/${topic.id}`)).body.notificationLevel, 'watching');
    const post = await replyTo(bob.client, topic.id, 'news');
    assert.deepEqual(about(await notificationsOf(carol), post.id).map((n) => n.type), ['watching']);
    const byCarol = await replyTo(carol.client, topic.id, 'mine');
    assert.deepEqual(about(await notificationsOf(carol), byCarol.id), []);
  });

  test('watching a space brings its new topics; a topic\'s own level wins over the space\'s', async () => {
    const watched = await createSpace(admin.client, 'public');
    assert.equal((await put(carol.client, `/api/spaces/${watched.id}/notification-level`, { level: 'watching' })).status, 200);
    const topic = await createTopic(bob.client, watched.id);
    assert.deepEqual(about(await notificationsOf(carol), topic.posts[0]?.id ?? 0).map((n) => n.type), ['watching']);
    assert.equal((await put(carol.client, `/api/topics/${topic.id}/notification-level`, { level: 'normal' })).status, 200);
    const post = await replyTo(bob.client, topic.id, 'quiet');
    assert.deepEqual(about(await notificationsOf(carol), post.id), []);
  });

  test('muted silences replies and reactions but not direct mentions', async () => {
    const topic = await createTopic(alice.client, space.id);
    assert.equal((await put(alice.client, `/api/topics/${topic.id}/notification-level`, { level: 'muted' })).status, 200);
    const plain = await replyTo(bob.client, topic.id, 'a reply alice will not hear of');
    await bob.client.post(`/api/posts/${topic.posts[0]?.id ?? 0}/reactions`, { emoji: '👍' });
    const mention = await replyTo(bob.client, topic.id, `@${alice.username} but this one`);
    const items = await notificationsOf(alice);
    assert.deepEqual(items.filter((n) => n.topicId === topic.id).map((n) => [n.type, n.postId]), [['mention', mention.id]]);
    assert.deepEqual(about(items, plain.id), []);
  });
});

describe('PUT /api/topics/{id}/read', () => {
  test('401, 400, 403, 404', async () => {
    const topic = await createTopic(alice.client, space.id);
    assertError(await put(server.client(), `/api/topics/${topic.id}/read`, { postNumber: 1 }), 401, 'unauthorized');
    assertError(await put(bob.client, `/api/topics/${topic.id}/read`, { postNumber: 0 }), 400, 'invalid_request', 'postNumber');
    assertError(await put(bob.client, `/api/topics/${topic.id}/read`, {}), 400, 'invalid_request', 'postNumber');
    const key = await createApiKey(bob, 'read');
    assertError(await bob.client.request('PUT', `/api/topics/${topic.id}/read`, { body: { postNumber: 1 }, apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await put(bob.client, `/api/topics/${hidden.id}/read`, { postNumber: 1 }), 404, 'not_found');
  });

  test('moves forward only, clamps to the last post, shows on topics and reads notifications up to it', async () => {
    const topic = await createTopic(alice.client, space.id);
    const second = await replyTo(bob.client, topic.id, 'two');
    await replyTo(bob.client, topic.id, 'three');
    const fresh = (await alice.client.get<TopicState>(`/api/topics/${topic.id}`)).body;
    assert.deepEqual([fresh.lastReadPostNumber, fresh.unreadCount], [1, 2], 'authors have read their own posts');
    const anonymous = (await server.client().get<TopicState>(`/api/topics/${topic.id}`)).body;
    assert.equal(anonymous.unreadCount, undefined);

    const read = await put(alice.client, `/api/topics/${topic.id}/read`, { postNumber: 2 });
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body, { lastReadPostNumber: 2, unreadCount: 1 });
    assert.ok(about(await notificationsOf(alice), second.id)[0]?.readAt, 'the reply up to the mark is read');
    assert.deepEqual((await put(alice.client, `/api/topics/${topic.id}/read`, { postNumber: 1 })).body, { lastReadPostNumber: 2, unreadCount: 1 });
    assert.deepEqual((await put(alice.client, `/api/topics/${topic.id}/read`, { postNumber: 999 })).body, { lastReadPostNumber: 3, unreadCount: 0 });

    await replyTo(bob.client, topic.id, 'four');
    const list = await alice.client.get<{ items: (TopicState & { id: number })[] }>(`/api/spaces/${space.id}/topics?limit=100`);
    const listed = list.body.items.find((t) => t.id === topic.id);
    assert.deepEqual([listed?.lastReadPostNumber, listed?.unreadCount, listed?.notificationLevel], [3, 1, 'tracking']);
  });
});

describe('GET /api/topics/unread', () => {
  test('401, 400', async () => {
    assertError(await server.client().get('/api/topics/unread'), 401, 'unauthorized');
    assertError(await alice.client.get('/api/topics/unread?cursor=nope'), 400, 'invalid_request', 'cursor');
    assertError(await alice.client.get('/api/topics/unread?limit=1000'), 400, 'invalid_request', 'limit');
  });

  test('followed topics with new posts, until read; muted and unfollowed ones are left out', async () => {
    interface Unread {
      topicId: number;
      unreadCount: number;
      lastReadPostNumber: number;
      notificationLevel: string;
    }
    const unreadOfTopic = async (member: TestMember, topicId: number): Promise<Unread | undefined> => {
      const reply = await member.client.get<{ items: Unread[] }>('/api/topics/unread?limit=100');
      assert.equal(reply.status, 200, reply.text);
      return reply.body.items.find((t) => t.topicId === topicId);
    };
    const topic = await createTopic(alice.client, space.id);
    assert.equal(await unreadOfTopic(alice, topic.id), undefined);
    await replyTo(bob.client, topic.id, 'new for alice');
    const listed = await unreadOfTopic(alice, topic.id);
    assert.deepEqual([listed?.lastReadPostNumber, listed?.unreadCount, listed?.notificationLevel], [1, 1, 'tracking']);
    assert.equal(await unreadOfTopic(carol, topic.id), undefined, 'carol never followed nor read it');
    assert.equal((await put(alice.client, `/api/topics/${topic.id}/read`, { postNumber: 2 })).status, 200);
    assert.equal(await unreadOfTopic(alice, topic.id), undefined);
    await replyTo(bob.client, topic.id, 'more');
    assert.equal((await unreadOfTopic(alice, topic.id))?.unreadCount, 1);
    assert.equal((await put(alice.client, `/api/topics/${topic.id}/notification-level`, { level: 'muted' })).status, 200);
    assert.equal(await unreadOfTopic(alice, topic.id), undefined);
  });
});
