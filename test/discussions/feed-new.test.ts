// The New feed: recent topics by others a member never opened, in spaces they can see and did not mute.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, type Topic } from './helpers';

interface NewTopic extends Topic {
  createdAt: string;
  lastReadPostNumber?: number;
  unreadCount?: number;
  notificationLevel?: string;
}

interface TopicPage {
  items: NewTopic[];
  nextCursor: string | null;
}

let server: TestServer;
let author: TestMember;
let reader: TestMember;
let moderator: TestMember;
let admin: TestMember;

const ids = (page: TopicPage): number[] => page.items.map((t) => t.id);
const db = () => server.runtime.ctx.database.db;

async function newIds(member: TestMember, query = ''): Promise<number[]> {
  const reply = await member.client.get<TopicPage>(`/api/topics?feed=new&limit=100${query}`);
  assert.equal(reply.status, 200, reply.text);
  return ids(reply.body);
}

async function setLevel(member: TestMember, path: string, level: string): Promise<void> {
  const reply = await member.client.put(path, { level });
  assert.equal(reply.status, 200, reply.text);
}

before(async () => {
  server = await startTestServer();
  [author, reader, moderator, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
});
after(() => server?.close());

describe('GET /api/topics?feed=new', () => {
  test('401 for guests, before anything else', async () => {
    const guest = server.client();
    assertError(await guest.get('/api/topics?feed=new'), 401, 'unauthorized');
    assertError(await guest.get('/api/topics?feed=new&cursor=nonsense'), 401, 'unauthorized');
  });

  test('400 for a bad cursor', async () => {
    assertError(await reader.client.get('/api/topics?feed=new&cursor=nonsense'), 400, 'invalid_request', 'cursor');
    const notADate = Buffer.from(JSON.stringify(['not a date', 1])).toString('base64url');
    assertError(await reader.client.get(`/api/topics?feed=new&cursor=${notADate}`), 400, 'invalid_request', 'cursor');
    assertError(await reader.client.get('/api/topics?feed=newest'), 400, 'invalid_request', 'feed');
  });

  test('a new topic is listed, with the viewer state, until the member opens it', async () => {
    const space = await createSpace(admin.client, 'public');
    const topic = await createTopic(author.client, space.id, 'Fresh body', 'Fresh topic');
    const reply = await reader.client.get<TopicPage>(`/api/topics?feed=new&space=${space.id}`);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(ids(reply.body), [topic.id]);
    const item = reply.body.items[0];
    assert.equal(item?.title, 'Fresh topic');
    assert.equal(item?.author.id, author.id);
    assert.equal(item?.lastReadPostNumber, 0);
    assert.equal(item?.unreadCount, 1);
    assert.equal(item?.notificationLevel, 'normal');
    assert.equal(reply.body.nextCursor, null);

    assert.ok(!(await newIds(author)).includes(topic.id), 'one\'s own topics are never new');
    const read = await reader.client.put(`/api/topics/${topic.id}/read`, { postNumber: 1 });
    assert.equal(read.status, 200, read.text);
    assert.ok(!(await newIds(reader)).includes(topic.id), 'opened: no longer new');
    assert.ok((await newIds(moderator)).includes(topic.id), 'still new for someone else');
  });

  test('only topics created in the last 14 days and since the member joined', async () => {
    const space = await createSpace(admin.client, 'public');
    const old = await createTopic(author.client, space.id, 'x', 'Old topic');
    await db().updateTable('topics').set({ created_at: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000) }).where('id', '=', old.id).execute();
    const recent = await createTopic(author.client, space.id, 'x', 'Recent topic');
    assert.deepEqual(await newIds(reader, `&space=${space.id}`), [recent.id]);

    const latecomer = await createMember(server);
    assert.deepEqual(await newIds(latecomer, `&space=${space.id}`), [], 'topics from before one joined are not new');
    const later = await createTopic(author.client, space.id, 'x', 'After joining');
    assert.deepEqual(await newIds(latecomer, `&space=${space.id}`), [later.id]);
  });

  test('topics in private spaces stay out for those who cannot see them', async () => {
    const hidden = await createSpace(admin.client, 'private');
    const topic = await createTopic(moderator.client, hidden.id, 'Hidden body', 'Hidden topic');
    assert.ok(!(await newIds(reader)).includes(topic.id));
    assert.deepEqual(await newIds(reader, `&space=${hidden.id}`), []);
    assert.ok((await newIds(admin)).includes(topic.id), 'staff see the private space');
  });

  test('muted spaces and topics are left out; a topic\'s own level wins over its space\'s', async () => {
    const space = await createSpace(admin.client, 'public');
    const plain = await createTopic(author.client, space.id, 'x', 'In a muted space');
    const watched = await createTopic(author.client, space.id, 'x', 'Watched in a muted space');
    const other = await createSpace(admin.client, 'public');
    const mutedTopic = await createTopic(author.client, other.id, 'x', 'Muted topic');
    const kept = await createTopic(author.client, other.id, 'x', 'Kept topic');
    await setLevel(reader, `/api/spaces/${space.id}/notification-level`, 'muted');
    await setLevel(reader, `/api/topics/${watched.id}/notification-level`, 'watching');
    await setLevel(reader, `/api/topics/${mutedTopic.id}/notification-level`, 'muted');
    const seen = await newIds(reader);
    assert.ok(!seen.includes(plain.id), 'muted space');
    assert.ok(seen.includes(watched.id), 'watching the topic wins over the muted space');
    assert.ok(!seen.includes(mutedTopic.id), 'muted topic');
    assert.ok(seen.includes(kept.id));
    assert.ok((await newIds(moderator)).includes(plain.id), 'muting is the reader\'s alone');
  });

  test('deleted topics are left out; unlisted ones too, except for staff', async () => {
    const space = await createSpace(admin.client, 'public');
    const unlisted = await createTopic(author.client, space.id, 'x', 'Soon unlisted');
    assert.equal((await moderator.client.patch(`/api/topics/${unlisted.id}`, { unlisted: true })).status, 200);
    const deleted = await createTopic(author.client, space.id, 'x', 'Soon deleted');
    assert.equal((await author.client.delete(`/api/posts/${deleted.posts[0]?.id ?? 0}`)).status, 204);
    assert.deepEqual(await newIds(reader, `&space=${space.id}`), []);
    assert.deepEqual(await newIds(admin, `&space=${space.id}`), [unlisted.id]);
  });

  test('newest first; cursor paging visits every new topic once', async () => {
    const space = await createSpace(admin.client, 'public');
    const created: number[] = [];
    for (let i = 0; i < 5; i++) created.push((await createTopic(author.client, space.id, 'x', `Paged topic ${i}`)).id);
    // A reply bumps activity but not creation: the order stays newest-created first.
    assert.equal((await author.client.post(`/api/topics/${created[0] ?? 0}/posts`, { body: 'bump' })).status, 201);
    const expected = [...created].reverse();
    assert.deepEqual(await newIds(reader, `&space=${space.id}`), expected);
    const seen: number[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const reply: { status: number; text: string; body: TopicPage } = await reader.client.get<TopicPage>(`/api/topics?feed=new&space=${space.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.body.items.length <= 2);
      seen.push(...ids(reply.body));
      cursor = reply.body.nextCursor;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, expected);
  });
});
