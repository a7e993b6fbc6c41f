// Topics: started with a first post, read with pages of posts, listed pinned-first by last activity,
// retitled by their author, pinned/locked/closed by staff; private spaces answer 404 to outsiders.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space, type Topic, type TopicDetail } from './helpers';

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([
    createMember(server, 'member'), createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin'),
  ]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

describe('POST /api/topics', () => {
  test('401 without credentials', async () => {
    assertError(await server.client().post('/api/topics', { spaceId: space.id, title: 'Hello there', body: 'Hi' }), 401, 'unauthorized');
  });

  test('400 names the field at fault', async () => {
    const c = member.client;
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hi', body: 'x' }), 400, 'invalid_request', 'title');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'x'.repeat(201), body: 'x' }), 400, 'invalid_request', 'title');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: '     ', body: 'x' }), 400, 'invalid_request', 'title');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there' }), 400, 'invalid_request', 'body');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: '' }), 400, 'invalid_request', 'body');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: '   \n ' }), 400, 'invalid_request', 'body');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: 'x'.repeat(32_001) }), 400, 'invalid_request', 'body');
    assertError(await c.post('/api/topics', { title: 'Hello there', body: 'x' }), 400, 'invalid_request', 'spaceId');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: 'x', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }), 400, 'invalid_request', 'tags');
    assertError(await c.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: 'x', tags: ['no spaces'] }), 400, 'invalid_request', 'tags.0');
  });

  test('404 for an unknown space, and for a private one the member cannot see', async () => {
    assertError(await member.client.post('/api/topics', { spaceId: 999_999, title: 'Hello there', body: 'x' }), 404, 'not_found');
    assertError(await member.client.post('/api/topics', { spaceId: privateSpace.id, title: 'Hello there', body: 'x' }), 404, 'not_found');
  });

  test('403 for a read-only API key', async () => {
    const key = await createApiKey(member, 'read');
    assertError(await member.client.post('/api/topics', { spaceId: space.id, title: 'Hello there', body: 'x' }, { apiKey: key.key }), 403, 'insufficient_scope');
  });

  test('201 with the topic, its first post, and an activity and an event', async () => {
    const events: unknown[] = [];
    server.runtime.ctx.bus.on('topic.created', (e) => void events.push(e));
    const reply = await member.client.post<TopicDetail>('/api/topics', { spaceId: space.id, title: '  Héllo, World!  ', body: 'Some **bold** text', tags: ['Help', 'help', 'node-js'] });
    assert.equal(reply.status, 201, reply.text);
    const topic = reply.body;
    assert.ok(Number.isInteger(topic.id));
    assert.equal(topic.title, 'Héllo, World!');
    assert.equal(topic.slug, 'hello-world');
    assert.deepEqual(topic.tags, ['help', 'node-js']);
    assert.equal(topic.author.id, member.id);
    assert.equal(topic.replyCount, 0);
    assert.equal(topic.canReply, true);
    assert.equal(topic.posts.length, 1);
    assert.equal(topic.posts[0]?.postNumber, 1);
    assert.equal(topic.posts[0]?.body, 'Some **bold** text');
    assert.equal(topic.posts[0]?.html, '<p>Some <strong>bold</strong> text</p>');
    assert.equal(topic.nextAfter, null);
    const activity = await server.runtime.ctx.database.db.selectFrom('activities').selectAll().where('topic_id', '=', topic.id).execute();
    assert.deepEqual(activity.map((a) => [a.kind, a.member_id, a.space_id, a.post_id]), [['topic.created', member.id, space.id, topic.posts[0]?.id]]);
    assert.deepEqual(events, [{ topicId: topic.id, spaceId: space.id, postId: topic.posts[0]?.id, authorId: member.id }]);
    const listed = (await member.client.get<{ items: Space[] }>('/api/spaces')).body.items.find((s) => s.id === space.id);
    assert.ok(listed && listed.topicCount >= 1 && listed.postCount >= 1);
  });
});

describe('GET /api/topics/{id}', () => {
  test('404 for an unknown topic and for a topic in a private space, to members and guests; staff read it', async () => {
    const hidden = await createTopic(admin.client, privateSpace.id);
    assertError(await member.client.get('/api/topics/999999'), 404, 'not_found');
    assertError(await member.client.get(`/api/topics/${hidden.id}`), 404, 'not_found');
    assertError(await server.client().get(`/api/topics/${hidden.id}`), 404, 'not_found');
    assert.equal((await moderator.client.get(`/api/topics/${hidden.id}`)).status, 200);
  });

  test('400 for a bad id or after', async () => {
    assertError(await member.client.get('/api/topics/abc'), 400, 'invalid_request', 'id');
    assertError(await member.client.get('/api/topics/1?after=-1'), 400, 'invalid_request', 'after');
  });

  test('guests read public topics; posts come 20 a page after a post number', async () => {
    const topic = await createTopic(member.client, space.id);
    for (let i = 2; i <= 25; i++) await replyTo(i % 2 ? member.client : other.client, topic.id, `reply ${i}`);
    const first = await server.client().get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.canReply, false, 'guests cannot reply');
    assert.equal(first.body.replyCount, 24);
    assert.deepEqual(first.body.posts.map((p) => p.postNumber), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.equal(first.body.nextAfter, 20);
    const second = await server.client().get<TopicDetail>(`/api/topics/${topic.id}?after=20`);
    assert.deepEqual(second.body.posts.map((p) => p.postNumber), [21, 22, 23, 24, 25]);
    assert.equal(second.body.posts[4]?.body, 'reply 25');
    assert.equal(second.body.nextAfter, null);
  });
});

describe('GET /api/spaces/{id}/topics', () => {
  test('404 for a private space to a member, listed for an admin; 404 for an unknown space', async () => {
    await createTopic(admin.client, privateSpace.id);
    assertError(await member.client.get(`/api/spaces/${privateSpace.id}/topics`), 404, 'not_found');
    assertError(await member.client.get('/api/spaces/999999/topics'), 404, 'not_found');
    const reply = await admin.client.get<{ items: Topic[] }>(`/api/spaces/${privateSpace.id}/topics`);
    assert.equal(reply.status, 200);
    assert.ok(reply.body.items.length >= 1);
  });

  test('400 for a bad cursor or limit', async () => {
    assertError(await member.client.get(`/api/spaces/${space.id}/topics?cursor=nonsense`), 400, 'invalid_request', 'cursor');
    assertError(await member.client.get(`/api/spaces/${space.id}/topics?limit=0`), 400, 'invalid_request', 'limit');
  });

  test('pinned first, then by last activity, paged with a cursor; unlisted topics left out except for staff', async () => {
    const s = await createSpace(admin.client, 'public');
    const a = await createTopic(member.client, s.id, 'a', 'Topic A');
    const b = await createTopic(member.client, s.id, 'b', 'Topic B');
    const c = await createTopic(member.client, s.id, 'c', 'Topic C');
    const d = await createTopic(member.client, s.id, 'd', 'Topic D');
    const hidden = await createTopic(member.client, s.id, 'e', 'Topic E');
    await replyTo(other.client, a.id);
    assert.equal((await moderator.client.patch(`/api/topics/${c.id}`, { pinned: true })).status, 200);
    assert.equal((await moderator.client.patch(`/api/topics/${hidden.id}`, { unlisted: true })).status, 200);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page: { status: number; text: string; body: { items: Topic[]; nextCursor: string | null } } = await member.client.get(`/api/spaces/${s.id}/topics${query}`);
      assert.equal(page.status, 200, page.text);
      seen.push(...page.body.items.map((t) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [c.id, a.id, d.id, b.id]);
    const staff = await moderator.client.get<{ items: Topic[] }>(`/api/spaces/${s.id}/topics`);
    assert.ok(staff.body.items.some((t) => t.id === hidden.id));
    assert.equal((await member.client.get(`/api/topics/${hidden.id}`)).status, 200, 'unlisted topics are reachable by link');
  });
});

describe('PATCH /api/topics/{id}', () => {
  test('401, 400, 403, 404', async () => {
    const topic = await createTopic(member.client, space.id);
    const hidden = await createTopic(admin.client, privateSpace.id);
    assertError(await server.client().patch(`/api/topics/${topic.id}`, { title: 'New title' }), 401, 'unauthorized');
    assertError(await member.client.patch(`/api/topics/${topic.id}`, {}), 400, 'invalid_request');
    assertError(await member.client.patch(`/api/topics/${topic.id}`, { title: 'No' }), 400, 'invalid_request', 'title');
    assertError(await member.client.patch(`/api/topics/${topic.id}`, { pinned: 'yes' }), 400, 'invalid_request', 'pinned');
    assertError(await member.client.patch(`/api/topics/${topic.id}`, { pinned: true }), 403, 'forbidden');
    assertError(await other.client.patch(`/api/topics/${topic.id}`, { title: 'Not my topic' }), 403, 'forbidden');
    assertError(await member.client.patch(`/api/topics/${hidden.id}`, { title: 'Hidden topic' }), 404, 'not_found');
  });

  test('the author retitles; staff lock, and then only staff reply (topic_locked)', async () => {
    const topic = await createTopic(member.client, space.id);
    const renamed = await member.client.patch<Topic>(`/api/topics/${topic.id}`, { title: 'A better title' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.title, 'A better title');
    assert.equal(renamed.body.slug, 'a-better-title');

    const locked = await moderator.client.patch<Topic>(`/api/topics/${topic.id}`, { locked: true, pinned: true });
    assert.equal(locked.status, 200, locked.text);
    assert.equal(locked.body.locked, true);
    assert.equal(locked.body.pinned, true);
    const audit = await server.runtime.ctx.database.db.selectFrom('audit_log').select(['action', 'after']).where('target_type', '=', 'topic').where('target_id', '=', String(topic.id)).execute();
    assert.deepEqual(audit, [{ action: 'topic.update', after: { locked: true, pinned: true } }]);

    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'too late' }), 409, 'topic_locked');
    assertError(await member.client.patch(`/api/topics/${topic.id}`, { title: 'Another title' }), 409, 'topic_locked');
    assert.equal((await member.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.canReply, false);
    assert.equal((await moderator.client.post(`/api/topics/${topic.id}/posts`, { body: 'staff may' })).status, 201);

    assert.equal((await moderator.client.patch(`/api/topics/${topic.id}`, { locked: false, closed: true })).status, 200);
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'closed' }), 409, 'topic_closed');
  });
});
