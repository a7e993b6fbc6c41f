// Space moderators: members of a group granted canModerate in a space work that space's review queue
// items, and no others; they cannot sanction anyone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError, createSpace, createTopic, replyTo, type Post, type Space, type TopicDetail } from '../discussions/helpers';
import { Sse } from '../discussions/sse';
import { createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface Item {
  id: number;
  status: string;
  post: { id: number } | null;
  space: { id: number } | null;
}

let server: TestServer;
let admin: TestMember;
let spaceMod: TestMember;
let author: TestMember;
let flaggers: TestMember[];
let moderated: Space;
let other: Space;

async function hiddenByFlags(topic: TopicDetail): Promise<Post> {
  const post = await replyTo(author.client, topic.id, `Something to flag ${uniqueName()}`);
  for (const flagger of flaggers) assert.equal((await flagger.client.post(`/api/posts/${post.id}/flags`, { reason: 'inappropriate' })).status, 201);
  return post;
}

describe('space moderators', () => {
  before(async () => {
    server = await startTestServer();
    admin = await createMember(server, 'admin');
    spaceMod = await createMember(server);
    author = await createMember(server);
    flaggers = [await createMember(server), await createMember(server), await createMember(server)];
    await server.runtime.ctx.database.db.updateTable('members').set({ trust_level: 2 }).where('id', 'in', flaggers.map((f) => f.id)).execute();
    moderated = await createSpace(admin.client);
    other = await createSpace(admin.client);
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: uniqueName('helpers'), description: 'Space helpers' });
    assert.equal(group.status, 201, group.text);
    assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: spaceMod.username })).status, 204);
    const everyone = await server.runtime.ctx.database.db.selectFrom('groups').select('id').where('name', '=', 'trust_level_0').executeTakeFirstOrThrow();
    const granted = await admin.client.put<{ grants: { groupId: number; canModerate: boolean }[] }>(`/api/spaces/${moderated.id}/permissions`, {
      grants: [
        { groupId: everyone.id, canSee: true, canPost: true, canReply: true },
        { groupId: group.body.id, canSee: true, canPost: true, canReply: true, canModerate: true },
      ],
    });
    assert.equal(granted.status, 200, granted.text);
    assert.deepEqual(granted.body.grants.map((g) => [g.groupId, g.canModerate]), [[everyone.id, false], [group.body.id, true]]);
  });
  after(() => server.close());

  test('they see and decide their space\'s items only, and cannot sanction', async () => {
    assertError(await author.client.get('/api/moderation/queue'), 403, 'forbidden');
    const inMine = await hiddenByFlags(await createTopic(admin.client, moderated.id));
    const inOther = await hiddenByFlags(await createTopic(admin.client, other.id));
    const queue = await spaceMod.client.get<{ items: Item[]; pending: number }>('/api/moderation/queue');
    assert.equal(queue.status, 200, queue.text);
    assert.deepEqual(queue.body.items.map((i) => i.post?.id), [inMine.id], 'only the moderated space');
    assert.equal(queue.body.pending, 1);
    const staffView = await admin.client.get<{ items: Item[] }>('/api/moderation/queue');
    const otherItem = staffView.body.items.find((i) => i.post?.id === inOther.id);
    assert.ok(otherItem);
    assertError(await spaceMod.client.get(`/api/moderation/queue/${otherItem.id}`), 404, 'not_found');
    assertError(await spaceMod.client.post(`/api/moderation/queue/${otherItem.id}/decision`, { action: 'approve', reason: 'x' }), 404, 'not_found');
    const mine = queue.body.items[0] as Item;
    assertError(await spaceMod.client.post(`/api/moderation/queue/${mine.id}/decision`, { action: 'reject', reason: 'rude', sanction: { kind: 'silence' } }), 403, 'forbidden');
    const decided = await spaceMod.client.post<Item>(`/api/moderation/queue/${mine.id}/decision`, { action: 'approve', reason: 'Fine in context' });
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.body.status, 'approved');
    const me = await spaceMod.client.get<{ moderates: number[] }>('/api/me/moderation');
    assert.deepEqual(me.body.moderates, [moderated.id]);
    assertError(await spaceMod.client.get('/api/moderation/automod/rules'), 403, 'forbidden');
  });

  test('the queue is live: arrivals, claims and decisions reach staff and the space\'s moderators, nobody else', async () => {
    const [staffStream, modStream, memberStream] = await Promise.all([Sse.open(server.url, admin), Sse.open(server.url, spaceMod), Sse.open(server.url, author)]);
    try {
      const inMine = await hiddenByFlags(await createTopic(admin.client, moderated.id));
      const arrived = (d: Record<string, unknown>) => d.change === 'added' && d.spaceId === moderated.id;
      const [forStaff, forMod] = await Promise.all([staffStream.next('review.changed', arrived), modStream.next('review.changed', arrived)]);
      assert.deepEqual(forMod.data, forStaff.data);
      assert.equal(forMod.data.kind, 'flagged_post');
      const itemId = Number(forMod.data.itemId);
      const queue = await spaceMod.client.get<{ items: Item[] }>('/api/moderation/queue');
      assert.ok(queue.body.items.some((i) => i.id === itemId && i.post?.id === inMine.id), 'the event names the item in the queue');

      // An item in another space reaches staff only.
      await hiddenByFlags(await createTopic(admin.client, other.id));
      await staffStream.next('review.changed', (d) => d.spaceId === other.id);

      assert.equal((await admin.client.post(`/api/moderation/queue/${itemId}/claim`)).status, 200);
      await modStream.next('review.changed', (d) => d.itemId === itemId && d.change === 'claimed');
      assert.equal((await admin.client.request('DELETE', `/api/moderation/queue/${itemId}/claim`)).status, 200);
      await modStream.next('review.changed', (d) => d.itemId === itemId && d.change === 'released');
      assert.equal((await admin.client.post(`/api/moderation/queue/${itemId}/decision`, { action: 'approve', reason: 'Fine' })).status, 200);
      await modStream.next('review.changed', (d) => d.itemId === itemId && d.change === 'decided');

      // The space moderator heard nothing of the other space; the author (a plain member) nothing at all.
      assert.deepEqual(modStream.all('review.changed', (d) => d.spaceId !== moderated.id), []);
      assert.deepEqual(memberStream.all('review.changed'), []);
    } finally {
      for (const stream of [staffStream, modStream, memberStream]) stream.close();
    }
  });
});
