// Private messages over real HTTP: every route (401 → 400 → 403/404 → success), group conversations
// that reach members added later, notifications and unread counts, realtime to participants only,
// inert HTML, and the per-route rate limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError } from '../discussions/helpers';
import { Sse } from '../discussions/sse';
import { assertInert, xssPayloads } from '../discussions/xss';
import type { Client } from '../support/client';
import { createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface MemberRef {
  id: number;
  username: string | null;
  displayName: string;
}
interface Message {
  id: number;
  conversationId: number;
  number: number;
  author: MemberRef | null;
  body: string;
  html: string;
  deleted: boolean;
  editedAt: string | null;
}
interface Conversation {
  id: number;
  title: string;
  participants: MemberRef[];
  groups: { id: number; name: string }[];
  messageCount: number;
  lastMessageAt: string;
  lastAuthor: MemberRef | null;
  lastReadNumber: number;
  unreadCount: number;
  createdBy: MemberRef | null;
}
interface Detail extends Conversation {
  canReply: boolean;
  messages: Message[];
  nextAfter: number | null;
}
interface Page {
  items: Conversation[];
  nextCursor: string | null;
}
interface Notification {
  id: number;
  type: string;
  actor: { id: number } | null;
  topicId: number | null;
  conversationId: number | null;
  messageId: number | null;
  messageNumber: number | null;
  title: string;
  count: number;
  readAt: string | null;
}

const QUIET_MS = 300;
const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

let server: TestServer;
let alice: TestMember;
let bob: TestMember;
let carol: TestMember;
let admin: TestMember;
let moderator: TestMember;
const streams: Sse[] = [];

const put = (client: Client, path: string, body: unknown) => client.request('PUT', path, { body });

async function start(from: TestMember, body: Record<string, unknown>): Promise<Detail> {
  const reply = await from.client.post<Detail>('/api/messages', { title: 'A private word', body: 'Hello there', ...body });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function reply(from: TestMember, conversationId: number, body: string): Promise<Message> {
  const answer = await from.client.post<Message>(`/api/messages/${conversationId}/replies`, { body });
  assert.equal(answer.status, 201, answer.text);
  return answer.body;
}

async function inbox(member: TestMember, query = ''): Promise<Conversation[]> {
  const answer = await member.client.get<Page>(`/api/messages?limit=100${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body.items;
}

async function messageNotifications(member: TestMember, conversationId: number): Promise<Notification[]> {
  const answer = await member.client.get<{ items: Notification[] }>('/api/notifications?limit=100');
  assert.equal(answer.status, 200, answer.text);
  return answer.body.items.filter((n) => n.conversationId === conversationId);
}

async function unreadOf(member: TestMember): Promise<number> {
  const answer = await member.client.get<{ unreadCount: number }>('/api/notifications/unread-count');
  assert.equal(answer.status, 200, answer.text);
  return answer.body.unreadCount;
}

async function setSilenced(member: TestMember, isSilenced: boolean): Promise<void> {
  const until = isSilenced ? new Date(Date.now() + 3_600_000) : null;
  await server.runtime.ctx.database.db.updateTable('accounts').set({ silenced_until: until }).where('member_id', '=', member.id).execute();
}

async function createGroup(members: TestMember[]): Promise<{ id: number; name: string }> {
  const name = uniqueName('team');
  const created = await admin.client.post<{ id: number; name: string }>('/api/groups', { name });
  assert.equal(created.status, 201, created.text);
  for (const m of members) assert.equal((await admin.client.post(`/api/groups/${created.body.id}/members`, { username: m.username })).status, 204);
  return created.body;
}

async function open(member: TestMember): Promise<Sse> {
  const sse = await Sse.open(server.url, member);
  streams.push(sse);
  return sse;
}

before(async () => {
  server = await startTestServer();
  [alice, bob, carol, admin, moderator] = await Promise.all([
    createMember(server), createMember(server), createMember(server), createMember(server, 'admin'), createMember(server, 'moderator'),
  ]);
});
after(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

describe('POST /api/messages', () => {
  test('401 without a session', async () => {
    assertError(await server.client().post('/api/messages', { recipients: [bob.username], title: 'Hello you', body: 'hi' }), 401, 'unauthorized');
  });

  test('400 naming the field: title, body (empty, blank, too long), recipients and groups', async () => {
    // A member of its own: these requests count towards the per-member limit on starting conversations.
    const writer = await createMember(server);
    const base = { recipients: [bob.username], title: 'Hello you', body: 'hi' };
    const post = (body: Record<string, unknown>) => writer.client.post('/api/messages', { ...base, ...body });
    assertError(await writer.client.post('/api/messages', { recipients: [bob.username], body: 'hi' }), 400, 'invalid_request', 'title');
    assertError(await post({ title: '  x  ' }), 400, 'invalid_request', 'title');
    assertError(await post({ body: '' }), 400, 'invalid_request', 'body');
    assertError(await post({ body: '   \n ' }), 400, 'invalid_request', 'body');
    assertError(await post({ body: 'x'.repeat(32_001) }), 400, 'invalid_request', 'body');
    assertError(await post({ recipients: ['nobody_by_this_name'] }), 400, 'unknown_recipient', 'recipients');
    assertError(await post({ recipients: [bob.username, 'nobody_by_this_name'] }), 400, 'unknown_recipient', 'recipients');
    assertError(await post({ recipients: [], groups: ['no_such_group_here'] }), 400, 'unknown_recipient', 'groups');
    assertError(await post({ recipients: [], groups: ['members'] }), 400, 'invalid_request', 'groups');
    assertError(await post({ recipients: [writer.username] }), 400, 'invalid_request', 'recipients');
    assertError(await post({ recipients: [] }), 400, 'invalid_request', 'recipients');
    assertError(await post({ recipients: Array.from({ length: 21 }, (_, i) => `someone_${i}`) }), 400, 'invalid_request', 'recipients');
    assertError(await post({ cc: [bob.username] }), 400, 'invalid_request', 'cc');
    assert.deepEqual(await inbox(bob, '&q=Hello'), [], 'nothing was stored');
  });

  test('403 account_silenced for a silenced member', async () => {
    await setSilenced(carol, true);
    try {
      assertError(await carol.client.post('/api/messages', { recipients: [bob.username], title: 'Let me speak', body: 'hi' }), 403, 'account_silenced');
    } finally {
      await setSilenced(carol, false);
    }
  });

  test('201: the conversation with its first message, rendered; names are case-insensitive and may carry an @', async () => {
    const detail = await start(alice, { recipients: [`@${bob.username.toUpperCase()}`, bob.username], title: '  Lunch on Friday?  ', body: 'Shall we meet at **noon**?' });
    assert.equal(detail.title, 'Lunch on Friday?');
    assert.deepEqual(detail.participants.map((p) => p.id), [alice.id, bob.id]);
    assert.deepEqual(detail.groups, []);
    assert.equal(detail.messageCount, 1);
    assert.equal(detail.unreadCount, 0, 'the author read what they wrote');
    assert.equal(detail.canReply, true);
    assert.equal(detail.createdBy?.id, alice.id);
    assert.equal(detail.messages.length, 1);
    const [first] = detail.messages;
    assert.equal(first?.number, 1);
    assert.equal(first?.author?.username, alice.username);
    assert.equal(first?.html, '<p>Shall we meet at <strong>noon</strong>?</p>');
    const activity = await server.runtime.ctx.database.db.selectFrom('activities').select(['kind', 'props']).where('member_id', '=', alice.id).where('kind', '=', 'conversation.created').execute();
    assert.ok(activity.some((a) => (a.props as { conversationId?: number }).conversationId === detail.id), 'the start is recorded as an activity');
  });
});

describe('GET /api/messages', () => {
  test('401, 400', async () => {
    assertError(await server.client().get('/api/messages'), 401, 'unauthorized');
    assertError(await alice.client.get('/api/messages?limit=0'), 400, 'invalid_request', 'limit');
    assertError(await alice.client.get('/api/messages?cursor=nope'), 400, 'invalid_request', 'cursor');
  });

  test('only participants see a conversation; latest activity first, paged, with unread counts; ?q= searches', async () => {
    const older = await start(alice, { recipients: [bob.username], title: 'Older thread', body: 'about quinces' });
    const newer = await start(alice, { recipients: [bob.username], title: 'Newer thread', body: 'about apricots' });
    const forBob = (await inbox(bob)).filter((c) => c.id === older.id || c.id === newer.id);
    assert.deepEqual(forBob.map((c) => [c.id, c.unreadCount, c.lastReadNumber]), [[newer.id, 1, 0], [older.id, 1, 0]]);
    assert.deepEqual((await inbox(carol)).filter((c) => c.id === older.id || c.id === newer.id), [], 'carol takes no part');

    await reply(bob, older.id, 'quinces make good jam');
    const again = (await inbox(alice)).map((c) => c.id);
    assert.ok(again.indexOf(older.id) < again.indexOf(newer.id), 'a reply moves the conversation up');
    assert.equal((await inbox(alice)).find((c) => c.id === older.id)?.unreadCount, 1);

    const first = await alice.client.get<Page>('/api/messages?limit=1');
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const second = await alice.client.get<Page>(`/api/messages?limit=1&cursor=${first.body.nextCursor}`);
    assert.equal(second.status, 200, second.text);
    assert.notEqual(second.body.items[0]?.id, first.body.items[0]?.id);

    assert.deepEqual((await inbox(bob, '&q=apricots')).map((c) => c.id), [newer.id]);
    assert.deepEqual((await inbox(bob, '&q=jam')).map((c) => c.id), [older.id]);
    assert.deepEqual((await inbox(bob, '&q=Older')).map((c) => c.id), [older.id]);
    assert.deepEqual(await inbox(carol, '&q=apricots'), []);
  });
});

describe('GET /api/messages/:id', () => {
  test('401, 400, 404 for outsiders and unknown ids, 200 for participants with paging', async () => {
    const detail = await start(alice, { recipients: [bob.username], title: 'Secret plans', body: 'the password is swordfish' });
    assertError(await server.client().get(`/api/messages/${detail.id}`), 401, 'unauthorized');
    assertError(await alice.client.get('/api/messages/abc'), 400, 'invalid_request', 'id');
    assertError(await carol.client.get(`/api/messages/${detail.id}`), 404, 'not_found');
    assertError(await admin.client.get(`/api/messages/${detail.id}`), 404, 'not_found', undefined);
    assertError(await alice.client.get('/api/messages/999999999'), 404, 'not_found');
    await reply(bob, detail.id, 'second');
    const seen = await bob.client.get<Detail>(`/api/messages/${detail.id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.deepEqual(seen.body.messages.map((m) => m.number), [1, 2]);
    assert.equal(seen.body.nextAfter, null);
    const later = await bob.client.get<Detail>(`/api/messages/${detail.id}?after=1`);
    assert.deepEqual(later.body.messages.map((m) => m.body), ['second']);
  });
});

describe('POST /api/messages/:id/replies', () => {
  test('401, 400, 404 for outsiders, 403 when silenced, 201', async () => {
    const detail = await start(alice, { recipients: [bob.username] });
    const path = `/api/messages/${detail.id}/replies`;
    assertError(await server.client().post(path, { body: 'hi' }), 401, 'unauthorized');
    assertError(await bob.client.post(path, { body: '' }), 400, 'invalid_request', 'body');
    assertError(await bob.client.post(path, { body: ' \t ' }), 400, 'invalid_request', 'body');
    assertError(await bob.client.post(path, { body: 'x'.repeat(32_001) }), 400, 'invalid_request', 'body');
    assertError(await carol.client.post(path, { body: 'let me in' }), 404, 'not_found');
    await setSilenced(bob, true);
    try {
      assertError(await bob.client.post(path, { body: 'hush' }), 403, 'account_silenced');
      const seen = await bob.client.get<Detail>(`/api/messages/${detail.id}`);
      assert.equal(seen.body.canReply, false, 'a silenced member can still read');
    } finally {
      await setSilenced(bob, false);
    }
    const message = await reply(bob, detail.id, 'Sure, *noon* works');
    assert.equal(message.number, 2);
    assert.equal(message.html, '<p>Sure, <em>noon</em> works</p>');
    assert.equal(message.author?.id, bob.id);
  });
});

describe('PATCH and DELETE /api/messages/replies/:id', () => {
  test('401, 400, 404 for outsiders, 403 for someone else\'s message, 200 for your own', async () => {
    const detail = await start(alice, { recipients: [bob.username], body: 'first draft' });
    const id = detail.messages[0]?.id ?? 0;
    const path = `/api/messages/replies/${id}`;
    assertError(await server.client().patch(path, { body: 'x' }), 401, 'unauthorized');
    assertError(await alice.client.patch(path, { body: '' }), 400, 'invalid_request', 'body');
    assertError(await carol.client.patch(path, { body: 'mine now' }), 404, 'not_found');
    assertError(await bob.client.patch(path, { body: 'mine now' }), 403, 'forbidden');
    const edited = await alice.client.patch<Message>(path, { body: 'second **draft**' });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.html, '<p>second <strong>draft</strong></p>');
    assert.ok(edited.body.editedAt);
  });

  test('delete: 401, 404 for outsiders, 403 for someone else\'s message, 204; it keeps its place without its text', async () => {
    const detail = await start(alice, { recipients: [bob.username], body: 'oops, wrong person' });
    const id = detail.messages[0]?.id ?? 0;
    const path = `/api/messages/replies/${id}`;
    assertError(await server.client().delete(path), 401, 'unauthorized');
    assertError(await alice.client.delete('/api/messages/replies/abc'), 400, 'invalid_request', 'id');
    assertError(await carol.client.delete(path), 404, 'not_found');
    assertError(await bob.client.delete(path), 403, 'forbidden');
    assert.equal((await alice.client.delete(path)).status, 204);
    const seen = await bob.client.get<Detail>(`/api/messages/${detail.id}`);
    assert.deepEqual(seen.body.messages.map((m) => [m.number, m.deleted, m.body, m.html]), [[1, true, '', '']]);
    assertError(await alice.client.delete(path), 404, 'not_found');
    assertError(await alice.client.patch(path, { body: 'back' }), 404, 'not_found');
  });
});

describe('notifications and read marks', () => {
  test('every other participant gets one message notification per conversation while unread; reading clears it', async () => {
    const before = await unreadOf(bob);
    const detail = await start(alice, { recipients: [bob.username, carol.username], title: 'Picnic', body: 'Who brings what?' });
    const [forBob] = await messageNotifications(bob, detail.id);
    assert.ok(forBob, 'bob is notified');
    assert.deepEqual([forBob.type, forBob.actor?.id, forBob.topicId, forBob.title, forBob.messageNumber, forBob.count, forBob.readAt], ['message', alice.id, null, 'Picnic', 1, 1, null]);
    assert.equal(await unreadOf(bob), before + 1);
    assert.deepEqual(await messageNotifications(alice, detail.id), [], 'nobody hears about their own message');

    await reply(carol, detail.id, 'I bring bread');
    const folded = await messageNotifications(bob, detail.id);
    assert.equal(folded.length, 1, 'collapsed while unread');
    assert.deepEqual([folded[0]?.actor?.id, folded[0]?.count, folded[0]?.messageNumber], [carol.id, 2, 2]);
    assert.equal(await unreadOf(bob), before + 1);
    assert.equal((await messageNotifications(alice, detail.id)).length, 1, 'alice hears about carol\'s reply');

    const path = `/api/messages/${detail.id}/read`;
    assertError(await server.client().request('PUT', path, { body: { number: 2 } }), 401, 'unauthorized');
    assertError(await put(bob.client, path, { number: 0 }), 400, 'invalid_request', 'number');
    assertError(await put(admin.client, path, { number: 2 }), 404, 'not_found');
    const read = await put(bob.client, path, { number: 99 });
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body, { lastReadNumber: 2, unreadCount: 0 });
    assert.equal(await unreadOf(bob), before);
    assert.ok((await messageNotifications(bob, detail.id))[0]?.readAt);
    assert.equal((await inbox(bob)).find((c) => c.id === detail.id)?.unreadCount, 0);

    await reply(alice, detail.id, 'And I bring cheese');
    const fresh = (await messageNotifications(bob, detail.id)).filter((n) => n.readAt === null);
    assert.deepEqual(fresh.map((n) => [n.count, n.messageNumber]), [[1, 3]], 'a new unread notification after reading');
    const marked = await bob.client.post<{ unreadCount: number }>('/api/notifications/read', {});
    assert.equal(marked.status, 200, marked.text);
    assert.equal(await unreadOf(bob), 0, 'mark all read covers messages');
  });

  test('a mention in a message notifies nobody outside it', async () => {
    const detail = await start(alice, { recipients: [bob.username], body: `Should we ask @${carol.username}?` });
    assert.match(detail.messages[0]?.html ?? '', new RegExp(`class="mention"[^>]*>@${carol.username}</a>`));
    await quiet();
    assert.deepEqual(await messageNotifications(carol, detail.id), []);
    const rows = await server.runtime.ctx.database.db.selectFrom('notifications').select('id').where('member_id', '=', carol.id).where('conversation_id', '=', detail.id).execute();
    assert.deepEqual(rows, []);
  });
});

describe('DELETE /api/messages/:id/participation', () => {
  test('401, 404 for outsiders, 204; an invited member who left loses access and hears nothing more', async () => {
    const detail = await start(alice, { recipients: [bob.username, carol.username], title: 'Group chat' });
    const path = `/api/messages/${detail.id}/participation`;
    assertError(await server.client().delete(path), 401, 'unauthorized');
    assertError(await admin.client.delete(path), 404, 'not_found');
    assert.ok((await messageNotifications(bob, detail.id)).some((n) => n.readAt === null));
    assert.equal((await bob.client.delete(path)).status, 204);
    assertError(await bob.client.get(`/api/messages/${detail.id}`), 404, 'not_found');
    assertError(await bob.client.post(`/api/messages/${detail.id}/replies`, { body: 'back?' }), 404, 'not_found');
    assert.equal((await inbox(bob)).some((c) => c.id === detail.id), false);
    await reply(carol, detail.id, 'bob left');
    assert.deepEqual(await messageNotifications(bob, detail.id), [], 'no more notifications, and the old ones are gone from view');
    const seen = await alice.client.get<Detail>(`/api/messages/${detail.id}`);
    assert.deepEqual(seen.body.participants.map((p) => p.id), [alice.id, carol.id]);
  });
});

describe('group conversations', () => {
  test('every member of a named group, added now or later, can read and reply; leaving the group ends it', async () => {
    const [early, late] = await Promise.all([createMember(server), createMember(server)]);
    const group = await createGroup([early]);
    const detail = await start(alice, { recipients: [], groups: [group.name.toUpperCase()], title: 'For the team', body: 'Team meeting moved' });
    assert.deepEqual(detail.groups, [{ id: group.id, name: group.name }]);
    assert.equal((await messageNotifications(early, detail.id)).length, 1);
    assert.equal((await inbox(early)).find((c) => c.id === detail.id)?.unreadCount, 1);
    assertError(await late.client.get(`/api/messages/${detail.id}`), 404, 'not_found');

    assert.equal((await admin.client.post(`/api/groups/${group.id}/members`, { username: late.username })).status, 204);
    const seen = await late.client.get<Detail>(`/api/messages/${detail.id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.body.messages[0]?.body, 'Team meeting moved');
    assert.ok((await inbox(late)).some((c) => c.id === detail.id));
    await reply(alice, detail.id, 'Thursday at ten');
    assert.equal((await messageNotifications(late, detail.id)).length, 1, 'the later member is notified of new messages');
    const answer = await reply(late, detail.id, 'Works for me');
    assert.equal(answer.number, 3);
    assert.equal((await messageNotifications(alice, detail.id)).filter((n) => n.readAt === null).length, 1);

    assert.equal((await admin.client.delete(`/api/groups/${group.id}/members/${late.id}`)).status, 204);
    assertError(await late.client.get(`/api/messages/${detail.id}`), 404, 'not_found');
    assert.deepEqual(await messageNotifications(late, detail.id), [], 'their notifications about it are out of view');
  });

  test('a group member who leaves keeps access but drops it from the inbox until they reply', async () => {
    const member = await createMember(server);
    const group = await createGroup([member]);
    const detail = await start(alice, { recipients: [], groups: [group.name] });
    assert.equal((await member.client.delete(`/api/messages/${detail.id}/participation`)).status, 204);
    assert.equal((await inbox(member)).some((c) => c.id === detail.id), false);
    assert.equal((await member.client.get(`/api/messages/${detail.id}`)).status, 200);
    await reply(alice, detail.id, 'still there?');
    assert.deepEqual((await messageNotifications(member, detail.id)).filter((n) => n.readAt === null), []);
    await reply(member, detail.id, 'yes, back');
    assert.ok((await inbox(member)).some((c) => c.id === detail.id));
  });

  test('staff groups: moderators and admins read and hear; plain members do not', async () => {
    const detail = await start(carol, { recipients: [], groups: ['moderators'], title: 'Report', body: 'Someone is spamming' });
    assert.equal((await messageNotifications(moderator, detail.id)).length, 1);
    assert.equal((await messageNotifications(admin, detail.id)).length, 1);
    assert.equal((await moderator.client.get(`/api/messages/${detail.id}`)).status, 200);
    await reply(moderator, detail.id, 'Thanks, looking into it');
    assert.equal((await messageNotifications(carol, detail.id)).length, 1);
    assertError(await bob.client.get(`/api/messages/${detail.id}`), 404, 'not_found');
    assertError(await bob.client.post(`/api/messages/${detail.id}/replies`, { body: 'me too' }), 404, 'not_found');
  });
});

describe('realtime', () => {
  test('message events and notifications reach participants and group members only', async () => {
    const member = await createMember(server);
    const group = await createGroup([member]);
    const [toBob, toMember, toCarol, toAdmin] = await Promise.all([open(bob), open(member), open(carol), open(admin)]);
    const detail = await start(alice, { recipients: [bob.username], groups: [group.name], title: 'Live' });
    for (const sse of [toBob, toMember]) {
      const created = await sse.next('message.created', (d) => d.conversationId === detail.id);
      assert.deepEqual(created.data, { messageId: detail.messages[0]?.id, conversationId: detail.id, authorId: alice.id });
    }
    await toBob.next('notification.created', (d) => d.memberId === bob.id);
    await toMember.next('notification.created', (d) => d.memberId === member.id);
    const message = await reply(bob, detail.id, 'live reply');
    assert.equal((await bob.client.patch(`/api/messages/replies/${message.id}`, { body: 'live reply, edited' })).status, 200);
    assert.equal((await bob.client.delete(`/api/messages/replies/${message.id}`)).status, 204);
    await toMember.next('message.created', (d) => d.messageId === message.id);
    await toMember.next('message.updated', (d) => d.messageId === message.id);
    await toMember.next('message.deleted', (d) => d.messageId === message.id);
    await quiet();
    for (const sse of [toCarol, toAdmin]) {
      assert.deepEqual(sse.events.filter((e) => e.data.conversationId === detail.id), []);
      assert.deepEqual(sse.all('notification.created'), []);
    }
  });
});

describe('safety', () => {
  test('XSS payloads in messages render inert', async () => {
    // Several writers, so that the payloads stay under the per-member reply limit however many there are.
    const writers = await Promise.all(Array.from({ length: Math.ceil(xssPayloads.length / 50) }, () => createMember(server)));
    const [first, ...others] = writers;
    assert.ok(first);
    const recipients = [bob.username, ...others.map((w) => w.username)];
    const detail = await start(first, { recipients, title: '<script>alert(1)</script>', body: xssPayloads[0] ?? '' });
    assert.equal(detail.title, '<script>alert(1)</script>', 'titles are text, escaped by the client');
    for (const [index, payload] of xssPayloads.entries()) {
      const message = await reply(writers[Math.floor(index / 50)] ?? first, detail.id, payload);
      assertInert(message.html);
    }
    for (let after = 0; ; ) {
      const seen = await bob.client.get<Detail>(`/api/messages/${detail.id}?after=${after}`);
      for (const m of seen.body.messages) assertInert(m.html);
      if (seen.body.nextAfter === null) break;
      after = seen.body.nextAfter;
    }
  });

  test('starting conversations is rate limited per member', async () => {
    const spammer = await createMember(server);
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await spammer.client.post('/api/messages', {})).status;
    assert.equal(last, 429);
    assert.equal((await bob.client.post('/api/messages', {})).status, 400, 'others are not affected');
  });
});
