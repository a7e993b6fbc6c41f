// Moderator actions: restoring deleted posts (the first post restores its topic), moving topics between
// spaces with their counters, unlisting topics; every one staff-only and audited, events after commit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DomainEvents } from '../../src/server/platform/events';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type Topic, type TopicDetail } from './helpers';

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;

before(async () => {
  server = await startTestServer();
  [member, moderator, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
});
after(() => server?.close());

const audits = (action: string, targetId: number) =>
  server.runtime.ctx.database.db.selectFrom('audit_log').select(['actor_id', 'before', 'after']).where('action', '=', action).where('target_id', '=', String(targetId)).execute();

async function counts(spaceId: number): Promise<{ topicCount: number; postCount: number; lastPostedAt: string | null }> {
  const spaces = (await admin.client.get<{ items: (Space & { lastPostedAt: string | null })[] }>('/api/spaces')).body.items;
  const found = spaces.find((s) => s.id === spaceId);
  assert.ok(found);
  return { topicCount: found.topicCount, postCount: found.postCount, lastPostedAt: found.lastPostedAt };
}

function collect<N extends keyof DomainEvents>(name: N): DomainEvents[N][] {
  const seen: DomainEvents[N][] = [];
  server.runtime.ctx.bus.on(name, (e) => void seen.push(e));
  return seen;
}

describe('POST /api/posts/{id}/restore', () => {
  test('401, 400, 403, 404', async () => {
    const t = await createTopic(member.client, space.id);
    const post = await replyTo(member.client, t.id, 'to restore');
    assert.equal((await member.client.delete(`/api/posts/${post.id}`)).status, 204);
    assertError(await server.client().post(`/api/posts/${post.id}/restore`), 401, 'unauthorized');
    assertError(await moderator.client.post('/api/posts/abc/restore'), 400, 'invalid_request', 'id');
    assertError(await member.client.post(`/api/posts/${post.id}/restore`), 403, 'forbidden');
    assertError(await moderator.client.post('/api/posts/999999/restore'), 404, 'not_found');
  });

  test('staff restore a reply: counters come back, audited, an event after commit; a live post is answered as is', async () => {
    const t = await createTopic(member.client, space.id);
    const post = await replyTo(member.client, t.id, 'regrettable but fine');
    const before = await counts(space.id);
    assert.equal((await member.client.delete(`/api/posts/${post.id}`)).status, 204);
    assert.equal((await counts(space.id)).postCount, before.postCount - 1);
    const events = collect('post.updated');
    const reply = await moderator.client.post<Post>(`/api/posts/${post.id}/restore`);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.deleted, false);
    assert.equal(reply.body.body, 'regrettable but fine');
    assert.deepEqual(await counts(space.id), before);
    const detail = (await server.client().get<TopicDetail>(`/api/topics/${t.id}`)).body;
    assert.equal(detail.replyCount, 1);
    assert.equal(detail.posts.find((p) => p.id === post.id)?.body, 'regrettable but fine');
    assert.deepEqual(await audits('post.restore', post.id), [{ actor_id: moderator.id, before: null, after: null }]);
    assert.deepEqual(events, [{ postId: post.id, topicId: t.id, spaceId: space.id }]);
    const again = await moderator.client.post<Post>(`/api/posts/${post.id}/restore`);
    assert.equal(again.status, 200);
    assert.equal((await audits('post.restore', post.id)).length, 1);
  });

  test('restoring the first post restores the topic; a reply in a deleted topic waits for it (409)', async () => {
    const t = await createTopic(member.client, space.id, 'Opening post', 'Topic to bring back');
    const r = await replyTo(member.client, t.id, 'a reply');
    const before = await counts(space.id);
    const gone = await replyTo(member.client, t.id, 'deleted before');
    assert.equal((await member.client.delete(`/api/posts/${gone.id}`)).status, 204);
    assert.equal((await member.client.delete(`/api/posts/${t.posts[0]?.id}`)).status, 204);
    assert.equal((await server.client().get(`/api/topics/${t.id}`)).status, 404);
    assertError(await moderator.client.post(`/api/posts/${gone.id}/restore`), 409, 'conflict');
    const events = collect('topic.updated');
    const reply = await moderator.client.post<Post>(`/api/posts/${t.posts[0]?.id}/restore`);
    assert.equal(reply.status, 200, reply.text);
    const detail = await server.client().get<TopicDetail>(`/api/topics/${t.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.replyCount, 1);
    assert.deepEqual(detail.body.posts.map((p) => [p.id, p.deleted]), [[t.posts[0]?.id, false], [r.id, false], [gone.id, true]]);
    const after = await counts(space.id);
    assert.deepEqual([after.topicCount, after.postCount], [before.topicCount, before.postCount]);
    assert.equal((await audits('topic.restore', t.posts[0]?.id ?? 0)).length, 1);
    assert.deepEqual(events, [{ topicId: t.id, spaceId: space.id }]);
  });
});

describe('POST /api/topics/{id}/move', () => {
  test('401, 400, 403, 404', async () => {
    const t = await createTopic(member.client, space.id);
    const other = await createSpace(admin.client, 'public');
    assertError(await server.client().post(`/api/topics/${t.id}/move`, { spaceId: other.id }), 401, 'unauthorized');
    assertError(await moderator.client.post(`/api/topics/${t.id}/move`, {}), 400, 'invalid_request', 'spaceId');
    assertError(await moderator.client.post(`/api/topics/${t.id}/move`, { spaceId: 'x' }), 400, 'invalid_request', 'spaceId');
    assertError(await moderator.client.post(`/api/topics/${t.id}/move`, { spaceId: 999_999 }), 400, 'invalid_request', 'spaceId');
    assertError(await moderator.client.post(`/api/topics/${t.id}/move`, { spaceId: space.id }), 400, 'invalid_request', 'spaceId');
    assertError(await member.client.post(`/api/topics/${t.id}/move`, { spaceId: other.id }), 403, 'forbidden');
    assertError(await moderator.client.post('/api/topics/999999/move', { spaceId: other.id }), 404, 'not_found');
  });

  test('staff move a topic: both spaces\' counters follow, audited, an event after commit', async () => {
    const from = await createSpace(admin.client, 'public');
    const to = await createSpace(admin.client, 'public');
    const t = await createTopic(member.client, from.id);
    await replyTo(member.client, t.id);
    await replyTo(member.client, t.id);
    const events = collect('topic.moved');
    const reply = await moderator.client.post<Topic>(`/api/topics/${t.id}/move`, { spaceId: to.id });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.spaceId, to.id);
    const [fromCounts, toCounts] = [await counts(from.id), await counts(to.id)];
    assert.deepEqual([fromCounts.topicCount, fromCounts.postCount, fromCounts.lastPostedAt], [0, 0, null]);
    assert.deepEqual([toCounts.topicCount, toCounts.postCount], [1, 3]);
    assert.equal(toCounts.lastPostedAt, reply.body.lastPostedAt);
    const listed = await server.client().get<{ items: Topic[] }>(`/api/spaces/${to.id}/topics`);
    assert.deepEqual(listed.body.items.map((x) => x.id), [t.id]);
    assert.deepEqual((await server.client().get<{ items: Topic[] }>(`/api/spaces/${from.id}/topics`)).body.items, []);
    assert.deepEqual(await audits('topic.move', t.id), [{ actor_id: moderator.id, before: { spaceId: from.id }, after: { spaceId: to.id } }]);
    assert.deepEqual(events, [{ topicId: t.id, spaceId: to.id, fromSpaceId: from.id }]);
  });

  test('a topic moved into a private space is hidden from guests', async () => {
    const t = await createTopic(member.client, space.id);
    assert.equal((await admin.client.post(`/api/topics/${t.id}/move`, { spaceId: privateSpace.id })).status, 200);
    assertError(await member.client.get(`/api/topics/${t.id}`), 404, 'not_found');
    assert.equal((await server.client().get(`/t/${t.slug}/${t.id}`, { headers: { accept: 'text/html' } })).status, 404);
  });
});

describe('PATCH /api/topics/{id} unlisted', () => {
  test('401, 400, 403, 404', async () => {
    const t = await createTopic(member.client, space.id);
    assertError(await server.client().patch(`/api/topics/${t.id}`, { unlisted: true }), 401, 'unauthorized');
    assertError(await moderator.client.patch(`/api/topics/${t.id}`, { unlisted: 'maybe' }), 400, 'invalid_request', 'unlisted');
    assertError(await member.client.patch(`/api/topics/${t.id}`, { unlisted: true }), 403, 'forbidden');
    assertError(await moderator.client.patch('/api/topics/999999', { unlisted: true }), 404, 'not_found');
  });

  test('staff unlist and list again: left out of the space listing for members, audited', async () => {
    const t = await createTopic(member.client, space.id);
    const reply = await moderator.client.patch<Topic>(`/api/topics/${t.id}`, { unlisted: true });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.unlisted, true);
    const ids = async () => (await member.client.get<{ items: Topic[] }>(`/api/spaces/${space.id}/topics?limit=100`)).body.items.map((x) => x.id);
    assert.ok(!(await ids()).includes(t.id));
    assert.equal((await member.client.get(`/api/topics/${t.id}`)).status, 200);
    assert.equal((await moderator.client.patch<Topic>(`/api/topics/${t.id}`, { unlisted: false })).body.unlisted, false);
    assert.ok((await ids()).includes(t.id));
    assert.deepEqual((await audits('topic.update', t.id)).map((a) => a.after), [{ unlisted: true }, { unlisted: false }]);
  });
});
