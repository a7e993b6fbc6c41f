// Realtime for discussions: topic, post and reaction events reach, over SSE, only the viewers who may
// see the space, and follow group membership changes without reconnecting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createSpace, createTopic, replyTo, type Space } from './helpers';
import { Sse } from './sse';

/** How long to wait for an event that must not come, after those who may see it got it. */
const QUIET_MS = 300;
const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

let server: TestServer;
let author: TestMember;
let outsider: TestMember;
let insider: TestMember;
let moderator: TestMember;
let admin: TestMember;
let publicSpace: Space;
let privateSpace: Space;
let groupId: number;
const streams: Sse[] = [];

async function open(member?: TestMember): Promise<Sse> {
  const sse = await Sse.open(server.url, member);
  streams.push(sse);
  return sse;
}

before(async () => {
  server = await startTestServer();
  [author, outsider, insider, moderator, admin] = await Promise.all([
    createMember(server), createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin'),
  ]);
  publicSpace = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  const group = await admin.client.post<{ id: number }>('/api/groups', { name: `rt_${Date.now().toString(36)}` });
  assert.equal(group.status, 201, group.text);
  groupId = group.body.id;
  const grant = await admin.client.request('PUT', `/api/spaces/${privateSpace.id}/permissions`, { body: { grants: [{ groupId, canSee: true, canPost: true, canReply: true }] } });
  assert.equal(grant.status, 200, grant.text);
  assert.equal((await admin.client.post(`/api/groups/${groupId}/members`, { username: insider.username })).status, 204);
});
after(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

describe('discussion events over /api/realtime', () => {
  test('everyone who may see a public space gets its new topics and replies, guests included', async () => {
    const [guest, viewer] = await Promise.all([open(), open(outsider)]);
    const topic = await createTopic(author.client, publicSpace.id);
    for (const sse of [guest, viewer]) {
      const created = await sse.next('topic.created', (d) => d.topicId === topic.id);
      assert.deepEqual(created.data, { topicId: topic.id, spaceId: publicSpace.id, postId: topic.posts[0]?.id, authorId: author.id });
    }
    const post = await replyTo(author.client, topic.id, 'a reply everyone sees');
    for (const sse of [guest, viewer]) {
      const created = await sse.next('post.created', (d) => d.postId === post.id);
      assert.equal(created.data.topicId, topic.id);
    }
  });

  test('a private space\'s events reach staff and granted groups, and nobody else', async () => {
    const [guest, stranger, member, staff] = await Promise.all([open(), open(outsider), open(insider), open(moderator)]);
    const topic = await createTopic(insider.client, privateSpace.id, 'secret opening', 'A secret topic');
    const post = await replyTo(insider.client, topic.id, 'secret reply');
    const edit = await insider.client.patch(`/api/posts/${post.id}`, { body: 'secret reply, edited', revision: 1 });
    assert.equal(edit.status, 200, edit.text);
    assert.equal((await insider.client.post(`/api/posts/${post.id}/reactions`, { emoji: '👍' })).status, 201);
    assert.equal((await insider.client.delete(`/api/posts/${post.id}/reactions/${encodeURIComponent('👍')}`)).status, 204);
    assert.equal((await insider.client.delete(`/api/posts/${post.id}`)).status, 204);
    for (const sse of [member, staff]) {
      await sse.next('topic.created', (d) => d.topicId === topic.id);
      await sse.next('post.created', (d) => d.postId === post.id);
      await sse.next('post.updated', (d) => d.postId === post.id);
      const added = await sse.next('reaction.added', (d) => d.postId === post.id);
      assert.equal(added.data.emoji, '👍');
      await sse.next('reaction.removed', (d) => d.postId === post.id);
      await sse.next('post.deleted', (d) => d.postId === post.id);
    }
    await quiet();
    for (const sse of [guest, stranger]) {
      assert.deepEqual(sse.events.filter((e) => e.data.spaceId === privateSpace.id || e.data.topicId === topic.id), [], JSON.stringify(sse.events));
    }
  });

  test('joining or leaving a group takes effect on an open stream', async () => {
    const stream = await open(outsider);
    assert.equal((await admin.client.post(`/api/groups/${groupId}/members`, { username: outsider.username })).status, 204);
    const first = await createTopic(insider.client, privateSpace.id, 'now you see it', 'Visible after joining');
    await stream.next('topic.created', (d) => d.topicId === first.id);

    assert.equal((await admin.client.delete(`/api/groups/${groupId}/members/${outsider.id}`)).status, 204);
    const watcher = await open(moderator);
    const second = await createTopic(insider.client, privateSpace.id, 'now you do not', 'Hidden after leaving');
    await watcher.next('topic.created', (d) => d.topicId === second.id);
    await quiet();
    assert.deepEqual(stream.all('topic.created', (d) => d.topicId === second.id), []);
  });

  test('a child space of a private space is private too', async () => {
    const child = await createSpace(admin.client, 'public', { parentId: privateSpace.id });
    const [stranger, member] = await Promise.all([open(outsider), open(insider)]);
    const topic = await createTopic(moderator.client, child.id, 'in the child', 'Child topic');
    await member.next('topic.created', (d) => d.topicId === topic.id);
    await quiet();
    assert.deepEqual(stranger.all('topic.created', (d) => d.topicId === topic.id), []);
  });
});

describe('notifications over /api/realtime', () => {
  test('notification.created reaches its recipient only', async () => {
    const [recipient, bystander] = await Promise.all([open(author), open(outsider)]);
    const topic = await createTopic(author.client, publicSpace.id, 'Anyone around?', 'A topic that gets a reply');
    await replyTo(insider.client, topic.id, 'Yes, here');
    const event = await recipient.next('notification.created', (d) => d.memberId === author.id);
    assert.equal(typeof event.data.notificationId, 'number');
    assert.equal(bystander.all('notification.created').length, 0, 'nobody else is told');
  });
});
