// Posts: replies, edits with revisions and conflicts, soft deletes, reactions, and Markdown that
// comes back inert whatever is posted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type TopicDetail } from './helpers';
import { assertInert, xssPayloads } from './xss';

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;
let topic: TopicDetail;
let hidden: TopicDetail;

/** The post as the client sees it on the topic page, walking the pages of posts. */
async function postIn(client: TestMember['client'], topicId: number, postId: number): Promise<Post | undefined> {
  let after: number | null = 0;
  while (after !== null) {
    const page: { body: TopicDetail } = await client.get<TopicDetail>(`/api/topics/${topicId}?after=${after}`);
    const found = page.body.posts.find((p) => p.id === postId);
    if (found) return found;
    after = page.body.nextAfter;
  }
  return undefined;
}

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([
    createMember(server, 'member'), createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin'),
  ]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  topic = await createTopic(member.client, space.id);
  hidden = await createTopic(admin.client, privateSpace.id);
});
after(() => server?.close());

describe('POST /api/topics/{id}/posts', () => {
  test('401, 400, 404', async () => {
    const other2 = await createTopic(member.client, space.id);
    assertError(await server.client().post(`/api/topics/${topic.id}/posts`, { body: 'hi' }), 401, 'unauthorized');
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, {}), 400, 'invalid_request', 'body');
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'hi', extra: 1 }), 400, 'invalid_request', 'extra');
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'hi', replyToPostId: other2.posts[0]?.id }), 400, 'invalid_request', 'replyToPostId');
    assertError(await member.client.post(`/api/topics/${hidden.id}/posts`, { body: 'hi' }), 404, 'not_found');
    assertError(await member.client.post('/api/topics/999999/posts', { body: 'hi' }), 404, 'not_found');
  });

  test('201 with the next post number; the topic counts it; an activity is recorded', async () => {
    const first = topic.posts[0];
    assert.ok(first);
    const reply = await other.client.post<Post>(`/api/topics/${topic.id}/posts`, { body: 'I agree', replyToPostId: first.id });
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.body.topicId, topic.id);
    assert.ok(reply.body.postNumber >= 2);
    assert.equal(reply.body.replyToPostId, first.id);
    assert.equal(reply.body.author.id, other.id);
    assert.equal(reply.body.html, '<p>I agree</p>');
    assert.equal(reply.body.revision, 1);
    const detail = await member.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.equal(detail.body.replyCount, detail.body.posts.length - 1);
    const kinds = await server.runtime.ctx.database.db.selectFrom('activities').select('kind').where('post_id', '=', reply.body.id).execute();
    assert.deepEqual(kinds, [{ kind: 'post.created' }]);
  });

  test('XSS payloads come back inert in html, with the raw Markdown kept in body', async () => {
    for (const payload of xssPayloads) {
      const post = await replyTo(member.client, topic.id, payload);
      assert.equal(post.body, payload);
      assertInert(post.html);
      assertInert((await postIn(other.client, topic.id, post.id))?.html ?? '');
    }
    const started = await createTopic(member.client, space.id, '<script>alert(1)</script>[x](javascript:alert(1))', '<img src=x onerror=alert(1)>');
    assertInert(started.posts[0]?.html ?? '');
    assert.equal(started.title, '<img src=x onerror=alert(1)>', 'titles are plain text, escaped by whoever renders them');
  });
});

describe('PATCH /api/posts/{id}', () => {
  test('401, 400, 403, 404', async () => {
    const post = await replyTo(member.client, topic.id, 'original');
    assertError(await server.client().patch(`/api/posts/${post.id}`, { body: 'x', revision: 1 }), 401, 'unauthorized');
    assertError(await member.client.patch(`/api/posts/${post.id}`, { body: 'x' }), 400, 'invalid_request', 'revision');
    assertError(await member.client.patch(`/api/posts/${post.id}`, { body: '', revision: 1 }), 400, 'invalid_request', 'body');
    assertError(await other.client.patch(`/api/posts/${post.id}`, { body: 'mine now', revision: 1 }), 403, 'forbidden');
    assertError(await member.client.patch(`/api/posts/${hidden.posts[0]?.id ?? 0}`, { body: 'x', revision: 1 }), 404, 'not_found');
  });

  test('the author edits; the old body is kept; a stale revision is an edit_conflict', async () => {
    const post = await replyTo(member.client, topic.id, 'first draft');
    const edited = await member.client.patch<Post>(`/api/posts/${post.id}`, { body: 'second *draft*', revision: 1 });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.revision, 2);
    assert.equal(edited.body.body, 'second *draft*');
    assert.equal(edited.body.html, '<p>second <em>draft</em></p>');
    assert.ok(edited.body.editedAt);
    assertError(await member.client.patch(`/api/posts/${post.id}`, { body: 'based on an old copy', revision: 1 }), 409, 'edit_conflict', 'revision');
    const revisions = await server.runtime.ctx.database.db.selectFrom('post_revisions').select(['revision', 'body', 'editor_id']).where('post_id', '=', post.id).execute();
    assert.deepEqual(revisions, [{ revision: 1, body: 'first draft', editor_id: member.id }]);
  });

  test('staff edit anyone\'s post, audited', async () => {
    const post = await replyTo(member.client, topic.id, 'rude words');
    const edited = await moderator.client.patch<Post>(`/api/posts/${post.id}`, { body: '(edited by staff)', revision: 1 });
    assert.equal(edited.status, 200, edited.text);
    const audit = await server.runtime.ctx.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'post.edit').where('target_id', '=', String(post.id)).execute();
    assert.deepEqual(audit, [{ actor_id: moderator.id }]);
  });
});

describe('DELETE /api/posts/{id}', () => {
  test('401, 403, 404', async () => {
    const post = await replyTo(member.client, topic.id, 'to delete');
    assertError(await server.client().delete(`/api/posts/${post.id}`), 401, 'unauthorized');
    assertError(await member.client.delete('/api/posts/abc'), 400, 'invalid_request', 'id');
    assertError(await other.client.delete(`/api/posts/${post.id}`), 403, 'forbidden');
    assertError(await member.client.delete(`/api/posts/${hidden.posts[0]?.id ?? 0}`), 404, 'not_found');
  });

  test('a soft delete hides the body from others, not from its author or staff', async () => {
    const post = await replyTo(member.client, topic.id, 'regrettable');
    const before = (await member.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.replyCount;
    assert.equal((await member.client.delete(`/api/posts/${post.id}`)).status, 204);
    const seenByOther = await postIn(other.client, topic.id, post.id);
    assert.equal(seenByOther?.deleted, true);
    assert.equal(seenByOther?.body, '');
    assert.equal(seenByOther?.html, '');
    const seenByGuest = await postIn(server.client(), topic.id, post.id);
    assert.equal(seenByGuest?.body, '');
    assert.equal((await postIn(member.client, topic.id, post.id))?.body, 'regrettable');
    assert.equal((await postIn(moderator.client, topic.id, post.id))?.body, 'regrettable');
    assert.equal((await member.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body.replyCount, before - 1);
    assert.equal((await member.client.delete(`/api/posts/${post.id}`)).status, 204, 'deleting again changes nothing');
    assertError(await member.client.patch(`/api/posts/${post.id}`, { body: 'back', revision: 1 }), 404, 'not_found');
  });

  test('staff delete anyone\'s post; deleting the first post deletes the topic', async () => {
    const doomed = await createTopic(member.client, space.id);
    await replyTo(other.client, doomed.id);
    assert.equal((await moderator.client.delete(`/api/posts/${doomed.posts[0]?.id ?? 0}`)).status, 204);
    assertError(await member.client.get(`/api/topics/${doomed.id}`), 404, 'not_found');
    assertError(await other.client.post(`/api/topics/${doomed.id}/posts`, { body: 'hello?' }), 404, 'not_found');
    const list = await member.client.get<{ items: { id: number }[] }>(`/api/spaces/${space.id}/topics?limit=100`);
    assert.ok(!list.body.items.some((t) => t.id === doomed.id));
    const staffView = await moderator.client.get<TopicDetail & { deletedAt: string | null }>(`/api/topics/${doomed.id}`);
    assert.equal(staffView.status, 200);
    assert.ok(staffView.body.deletedAt);
    assert.equal(staffView.body.canReply, false);
  });
});

describe('reactions', () => {
  test('401, 400, 404', async () => {
    const postId = topic.posts[0]?.id ?? 0;
    assertError(await server.client().post(`/api/posts/${postId}/reactions`, { emoji: '👍' }), 401, 'unauthorized');
    assertError(await member.client.post(`/api/posts/${postId}/reactions`, { emoji: '💩' }), 400, 'invalid_request', 'emoji');
    assertError(await member.client.post(`/api/posts/${postId}/reactions`, {}), 400, 'invalid_request', 'emoji');
    assertError(await member.client.post(`/api/posts/${hidden.posts[0]?.id ?? 0}/reactions`, { emoji: '👍' }), 404, 'not_found');
    assertError(await member.client.post('/api/posts/999999/reactions', { emoji: '👍' }), 404, 'not_found');
    assertError(await server.client().delete(`/api/posts/${postId}/reactions/${encodeURIComponent('👍')}`), 401, 'unauthorized');
    assertError(await member.client.delete(`/api/posts/${postId}/reactions/${encodeURIComponent('💩')}`), 400, 'invalid_request', 'emoji');
  });

  test('react, count, see your own, 409 already_reacted, take it back', async () => {
    const post = await replyTo(member.client, topic.id, 'react to me');
    const first = await other.client.post<{ reactions: { emoji: string; count: number; reacted: boolean }[] }>(`/api/posts/${post.id}/reactions`, { emoji: '❤️' });
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(first.body.reactions, [{ emoji: '❤️', count: 1, reacted: true }]);
    assertError(await other.client.post(`/api/posts/${post.id}/reactions`, { emoji: '❤️' }), 409, 'already_reacted');
    assert.equal((await moderator.client.post(`/api/posts/${post.id}/reactions`, { emoji: '❤️' })).status, 201);
    assert.equal((await moderator.client.post(`/api/posts/${post.id}/reactions`, { emoji: '🎉' })).status, 201);

    assert.deepEqual((await postIn(other.client, topic.id, post.id))?.reactions, [{ emoji: '❤️', count: 2, reacted: true }, { emoji: '🎉', count: 1, reacted: false }]);
    assert.deepEqual((await postIn(member.client, topic.id, post.id))?.reactions, [{ emoji: '❤️', count: 2, reacted: false }, { emoji: '🎉', count: 1, reacted: false }]);
    const activity = await server.runtime.ctx.database.db.selectFrom('activities').select(['member_id', 'props']).where('kind', '=', 'reaction.added').where('post_id', '=', post.id).orderBy('id').execute();
    assert.deepEqual(activity[0], { member_id: other.id, props: { emoji: '❤️', postAuthorId: member.id } });

    assert.equal((await other.client.delete(`/api/posts/${post.id}/reactions/${encodeURIComponent('❤️')}`)).status, 204);
    assertError(await other.client.delete(`/api/posts/${post.id}/reactions/${encodeURIComponent('❤️')}`), 404, 'not_found');
    assert.deepEqual((await postIn(other.client, topic.id, post.id))?.reactions, [{ emoji: '❤️', count: 1, reacted: false }, { emoji: '🎉', count: 1, reacted: false }]);
  });
});
