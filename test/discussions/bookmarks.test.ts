// Bookmarks: a member marks posts (with a note and a reminder time), sees the mark on the post, lists
// their bookmarks newest first; a bookmark on a post they can no longer see is left out of the list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type TopicDetail } from './helpers';

interface Bookmark {
  id: number;
  topicId: number;
  topicTitle: string;
  topicSlug: string;
  spaceId: number;
  postNumber: number;
  author: { id: number; username: string | null };
  excerpt: string;
  note: string;
  remindAt: string | null;
  bookmarkedAt: string;
}

interface BookmarkPage {
  items: Bookmark[];
  nextCursor: string | null;
}

type MarkedPost = Post & { bookmarked: boolean };

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;
let topic: TopicDetail;
let reply: Post;

const listed = async (m: TestMember): Promise<number[]> => (await m.client.get<BookmarkPage>('/api/bookmarks?limit=100')).body.items.map((b) => b.id);

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  space = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  topic = await createTopic(other.client, space.id, 'Hello **world** & <friends>', 'Bookmarkable topic');
  reply = await replyTo(other.client, topic.id, 'A reply worth keeping');
});
after(() => server?.close());

describe('POST /api/posts/{id}/bookmark', () => {
  test('401, 400, 403, 404', async () => {
    const hidden = await createTopic(admin.client, privateSpace.id);
    const gone = await replyTo(other.client, topic.id, 'soon deleted');
    assert.equal((await other.client.delete(`/api/posts/${gone.id}`)).status, 204);
    const path = `/api/posts/${reply.id}/bookmark`;
    assertError(await server.client().post(path, {}), 401, 'unauthorized');
    assertError(await member.client.post(path, { note: 'x'.repeat(501) }), 400, 'invalid_request', 'note');
    assertError(await member.client.post(path, { remindAt: 'tomorrow' }), 400, 'invalid_request', 'remindAt');
    assertError(await member.client.post(path, { extra: 1 }), 400, 'invalid_request', 'extra');
    assertError(await member.client.post('/api/posts/abc/bookmark', {}), 400, 'invalid_request', 'id');
    const key = await createApiKey(member, 'read');
    assertError(await member.client.post(path, {}, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await member.client.post('/api/posts/999999/bookmark', {}), 404, 'not_found');
    assertError(await member.client.post(`/api/posts/${hidden.posts[0]?.id ?? 0}/bookmark`, {}), 404, 'not_found');
    assertError(await member.client.post(`/api/posts/${gone.id}/bookmark`, {}), 404, 'not_found');
    assert.deepEqual(await listed(member), []);
  });

  test('201 when new, 200 when the note or reminder change; the post carries bookmarked for its bookmarker only', async () => {
    const first = topic.posts[0];
    assert.ok(first);
    const created = await member.client.post<Bookmark>(`/api/posts/${first.id}/bookmark`, {});
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.id, first.id);
    assert.equal(created.body.topicId, topic.id);
    assert.equal(created.body.topicTitle, 'Bookmarkable topic');
    assert.equal(created.body.topicSlug, topic.slug);
    assert.equal(created.body.postNumber, 1);
    assert.equal(created.body.author.id, other.id);
    assert.equal(created.body.excerpt, 'Hello world & <friends>', 'plain text, not HTML');
    assert.deepEqual([created.body.note, created.body.remindAt], ['', null]);

    const remindAt = '2030-01-02T03:04:05.000Z';
    const updated = await member.client.post<Bookmark>(`/api/posts/${first.id}/bookmark`, { note: '  read again  ', remindAt });
    assert.equal(updated.status, 200, updated.text);
    assert.deepEqual([updated.body.note, updated.body.remindAt, updated.body.bookmarkedAt], ['read again', remindAt, created.body.bookmarkedAt]);
    const kept = await member.client.post<Bookmark>(`/api/posts/${first.id}/bookmark`, {});
    assert.deepEqual([kept.status, kept.body.note, kept.body.remindAt], [200, 'read again', remindAt], 'fields left out stay');
    const cleared = await member.client.post<Bookmark>(`/api/posts/${first.id}/bookmark`, { remindAt: null });
    assert.deepEqual([cleared.status, cleared.body.remindAt], [200, null]);

    const flags = async (client: TestMember['client']) => (await client.get<{ posts: MarkedPost[] }>(`/api/topics/${topic.id}`)).body.posts.map((p) => p.bookmarked);
    assert.deepEqual((await flags(member.client)).slice(0, 2), [true, false]);
    assert.deepEqual((await flags(other.client)).slice(0, 2), [false, false]);
    assert.deepEqual((await flags(server.client())).slice(0, 2), [false, false]);
    const edited = await other.client.patch<MarkedPost>(`/api/posts/${first.id}`, { body: 'Hello again', revision: 1 });
    assert.equal(edited.body.bookmarked, false, 'the editor did not bookmark it');
    const own = await replyTo(member.client, topic.id, 'my own');
    assert.equal((own as MarkedPost).bookmarked, false);
    assert.equal((await member.client.post(`/api/posts/${own.id}/bookmark`, {})).status, 201);
    const mine = await member.client.patch<MarkedPost>(`/api/posts/${own.id}`, { body: 'my own, edited', revision: 1 });
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.bookmarked, true, 'single-post answers carry the mark too');
  });
});

describe('DELETE /api/posts/{id}/bookmark', () => {
  test('401, 403, 404; 204 takes it off, also on a post the member can no longer see', async () => {
    const post = await replyTo(other.client, topic.id, 'to bookmark and unbookmark');
    const path = `/api/posts/${post.id}/bookmark`;
    assertError(await server.client().delete(path), 401, 'unauthorized');
    assertError(await member.client.delete(path), 404, 'not_found');
    assertError(await member.client.delete('/api/posts/abc/bookmark'), 400, 'invalid_request', 'id');
    const flag = async () => (await member.client.get<{ posts: MarkedPost[] }>(`/api/topics/${topic.id}?after=${post.postNumber - 1}`)).body.posts[0]?.bookmarked;
    assert.equal(await flag(), false);
    assert.equal((await member.client.post(path, {})).status, 201);
    assert.equal(await flag(), true, 'the topic page follows at once');
    const key = await createApiKey(member, 'read');
    assertError(await member.client.delete(path, { apiKey: key.key }), 403, 'insufficient_scope');
    assert.equal((await member.client.delete(path)).status, 204);
    assert.equal(await flag(), false);
    assertError(await member.client.delete(path), 404, 'not_found');

    assert.equal((await member.client.post(path, {})).status, 201);
    assert.equal((await other.client.delete(`/api/posts/${post.id}`)).status, 204);
    assert.equal((await member.client.delete(path)).status, 204);
  });
});

describe('GET /api/bookmarks', () => {
  test('401 and 400', async () => {
    assertError(await server.client().get('/api/bookmarks'), 401, 'unauthorized');
    assertError(await member.client.get('/api/bookmarks?cursor=nonsense'), 400, 'invalid_request', 'cursor');
    assertError(await member.client.get('/api/bookmarks?limit=0'), 400, 'invalid_request', 'limit');
  });

  test('newest first, paged with a cursor, each member their own', async () => {
    const reader = await createMember(server);
    const t = await createTopic(other.client, space.id, 'p1', 'Many bookmarks');
    const posts = [t.posts[0]?.id ?? 0];
    for (let i = 2; i <= 5; i++) posts.push((await replyTo(other.client, t.id, `p${i}`)).id);
    for (const id of posts) assert.equal((await reader.client.post(`/api/posts/${id}/bookmark`, {})).status, 201);
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { status: number; text: string; body: BookmarkPage } = await reader.client.get<BookmarkPage>(`/api/bookmarks?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, page.text);
      seen.push(...page.body.items.map((b) => b.id));
      cursor = page.body.nextCursor;
    }
    assert.deepEqual(seen, [...posts].reverse());
    assert.ok(!(await listed(other)).some((id) => posts.includes(id)));
  });

  test('a bookmark on a post one can no longer see is left out: deleted post, deleted topic, topic moved to a private space', async () => {
    const reader = await createMember(server);
    const t1 = await createTopic(other.client, space.id, 'one', 'Soon deleted reply');
    const r1 = await replyTo(other.client, t1.id, 'deleted later');
    const t2 = await createTopic(other.client, space.id, 'two', 'Soon deleted topic');
    const t3 = await createTopic(other.client, space.id, 'three', 'Soon private topic');
    const t4 = await createTopic(other.client, space.id, 'four', 'Stays');
    const ids = [r1.id, t2.posts[0]?.id ?? 0, t3.posts[0]?.id ?? 0, t4.posts[0]?.id ?? 0];
    for (const id of ids) assert.equal((await reader.client.post(`/api/posts/${id}/bookmark`, {})).status, 201);
    assert.equal((await other.client.delete(`/api/posts/${r1.id}`)).status, 204);
    assert.equal((await other.client.delete(`/api/posts/${ids[1] ?? 0}`)).status, 204);
    assert.equal((await moderator.client.post(`/api/topics/${t3.id}/move`, { spaceId: privateSpace.id })).status, 200);
    assert.deepEqual(await listed(reader), [ids[3]]);
    assert.ok((await listed(moderator)).length === 0);
    // Staff bookmark in the private space and see it.
    assert.equal((await moderator.client.post(`/api/posts/${ids[2] ?? 0}/bookmark`, {})).status, 201);
    assert.deepEqual(await listed(moderator), [ids[2]]);
  });
});

describe('bookmark reminders', () => {
  interface NotificationPage {
    items: { type: string; topicId: number | null; postId: number | null; actor: unknown }[];
  }
  const reminders = () => server.runtime.services.notifications.bookmarkReminders;
  const inTwoMinutes = () => new Date(Date.now() + 120_000);
  const bookmarkNotes = async (m: TestMember) => (await m.client.get<NotificationPage>('/api/notifications?limit=100')).body.items.filter((n) => n.type === 'bookmark');

  test('a due reminder notifies the member once, pointing at the post; the reminder clears and the bookmark stays', async () => {
    const remindTopic = await createTopic(other.client, space.id, 'Remind me of this', 'Reminder topic');
    const post = await replyTo(other.client, remindTopic.id, 'Come back to this one');
    const set = await member.client.post<Bookmark>(`/api/posts/${post.id}/bookmark`, { remindAt: new Date(Date.now() + 60_000).toISOString() });
    assert.equal(set.status, 201, set.text);
    assert.deepEqual(await reminders().sendDue(new Date()), { sent: 0, dropped: 0 }, 'not due yet');
    const before = (await bookmarkNotes(member)).length;
    assert.deepEqual(await reminders().sendDue(inTwoMinutes()), { sent: 1, dropped: 0 });
    assert.deepEqual(await reminders().sendDue(inTwoMinutes()), { sent: 0, dropped: 0 }, 'sent once');
    const notes = await bookmarkNotes(member);
    assert.equal(notes.length, before + 1);
    assert.deepEqual([notes[0]?.topicId, notes[0]?.postId, notes[0]?.actor], [remindTopic.id, post.id, null]);
    assert.equal((await bookmarkNotes(other)).length, 0, 'nobody else hears of it');
    const kept = (await member.client.get<BookmarkPage>('/api/bookmarks?limit=100')).body.items.find((b) => b.id === post.id);
    assert.deepEqual([kept?.id, kept?.remindAt], [post.id, null], 'the bookmark stays, without its reminder');
  });

  test('a reminder on a deleted post, or in a space the member can no longer see, is cleared without a notification', async () => {
    const gone = await replyTo(other.client, topic.id, 'I will delete this');
    const movedTopic = await createTopic(other.client, space.id, 'This moves away', 'Topic that moves');
    const soon = new Date(Date.now() + 60_000).toISOString();
    for (const postId of [gone.id, movedTopic.posts[0]?.id ?? 0]) {
      const set = await member.client.post(`/api/posts/${postId}/bookmark`, { remindAt: soon });
      assert.equal(set.status, 201, set.text);
    }
    assert.equal((await other.client.delete(`/api/posts/${gone.id}`)).status, 204);
    const moved = await admin.client.post(`/api/topics/${movedTopic.id}/move`, { spaceId: privateSpace.id });
    assert.equal(moved.status, 200, moved.text);
    const before = (await bookmarkNotes(member)).length;
    assert.deepEqual(await reminders().sendDue(inTwoMinutes()), { sent: 0, dropped: 2 });
    assert.equal((await bookmarkNotes(member)).length, before);
  });
});
