// Mediation and slow mode: suggested pairs (mutual flags, a heated back-and-forth), opening a mediation
// (a private conversation with both members), cool-downs the post gate enforces, closing with an
// outcome, and slow mode on a topic. The rules are table-tested first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildSuggestions, cooldownEnd, heatEvidence, isHeated, isPingPong, mediationRules, orderedPair, type FlagsBetween, type RepliesBetween,
} from '../../src/server/features/moderation/mediation/mediation.rules';
import type { Reply } from '../support/client';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, type Post, type Space, type TopicDetail } from '../discussions/helpers';

interface PairMember {
  id: number;
  username: string | null;
}

interface Suggestion {
  members: PairMember[];
  reasons: string[];
  evidence: string[];
  topic: { id: number; title: string } | null;
  mediationOpen: boolean;
  openMediationId: number | null;
  cooldownUntil: string | null;
}

interface Mediation {
  id: number;
  members: PairMember[];
  moderator: PairMember | null;
  conversationId: number | null;
  topic: { id: number; title: string } | null;
  status: 'open' | 'closed';
  cooldownUntil: string | null;
  coolingDown: boolean;
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

interface Conversation {
  id: number;
  messages: { body: string }[];
}

interface AuditPage {
  items: { action: string; actorId: number | null; targetType: string; targetId: string | null; reason: string | null }[];
}

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

function replies(overrides: Partial<RepliesBetween> = {}): RepliesBetween {
  return { memberA: 1, memberB: 2, topicId: 10, topicTitle: 'Tabs or spaces', aRepliedToB: 2, bRepliedToA: 2, meanAbuse: 0.7, ...overrides };
}

function flagged(overrides: Partial<FlagsBetween> = {}): FlagsBetween {
  return { memberA: 1, memberB: 2, aFlaggedB: 1, bFlaggedA: 2, ...overrides };
}

describe('mediation rules', () => {
  test('ping-pong needs replies both ways and at least minExchanges of them', () => {
    const cases: [Partial<RepliesBetween>, boolean][] = [
      [{ aRepliedToB: 2, bRepliedToA: 1 }, true],
      [{ aRepliedToB: 1, bRepliedToA: 1 }, false],
      [{ aRepliedToB: 5, bRepliedToA: 0 }, false],
      [{ aRepliedToB: 0, bRepliedToA: 3 }, false],
      [{ aRepliedToB: 10, bRepliedToA: 10 }, true],
    ];
    for (const [input, expected] of cases) assert.equal(isPingPong(replies(input)), expected, JSON.stringify(input));
    assert.equal(mediationRules.minExchanges, 3);
  });

  test('a ping-pong is heated at a mean abuse of minMeanAbuse or more; unscored replies are not', () => {
    const cases: [number | null, boolean][] = [[0.5, true], [0.49, false], [1.6, true], [0, false], [null, false]];
    for (const [meanAbuse, expected] of cases) assert.equal(isHeated(replies({ meanAbuse })), expected, String(meanAbuse));
    assert.equal(isHeated(replies({ aRepliedToB: 1, bRepliedToA: 1, meanAbuse: 1.9 })), false);
  });

  test('evidence reads as a sentence', () => {
    assert.equal(heatEvidence(replies({ aRepliedToB: 4, bRepliedToA: 3, meanAbuse: 0.7234 })), "7 back-and-forth replies in 'Tabs or spaces' with mean abuse 0.72");
    const [s] = buildSuggestions([flagged({ aFlaggedB: 1, bFlaggedA: 2 })], [], [], { now: NOW, includeSettled: false });
    assert.deepEqual(s?.evidence, ['flagged each other 3 times']);
  });

  test('one suggestion per pair, merging flags and heated threads; the hottest thread is its topic', () => {
    const list = buildSuggestions(
      [flagged(), flagged({ memberA: 3, memberB: 4, bFlaggedA: 0 })],
      [replies({ topicId: 11, topicTitle: 'Mild', meanAbuse: 0.6 }), replies({ topicId: 12, topicTitle: 'Hot', meanAbuse: 1.2 }), replies({ memberA: 5, memberB: 6, meanAbuse: 0.2 })],
      [],
      { now: NOW, includeSettled: false },
    );
    assert.equal(list.length, 1, 'one-sided flags and a calm thread suggest nothing');
    const [s] = list;
    assert.deepEqual(s?.reasons, ['mutual_flags', 'heated_thread']);
    assert.deepEqual(s?.topic, { id: 12, title: 'Hot' });
    assert.equal(s?.evidence.length, 3);
  });

  test('pairs with an open mediation or a running cool-down are left out, unless asked for', () => {
    const states = [
      { memberA: 1, memberB: 2, openMediationId: 7, cooldownUntil: null },
      { memberA: 3, memberB: 4, openMediationId: null, cooldownUntil: new Date(NOW.getTime() + DAY) },
      { memberA: 5, memberB: 6, openMediationId: null, cooldownUntil: new Date(NOW.getTime() - DAY) },
    ];
    const flags = [flagged(), flagged({ memberA: 3, memberB: 4 }), flagged({ memberA: 5, memberB: 6 })];
    const pairs = (includeSettled: boolean) => buildSuggestions(flags, [], states, { now: NOW, includeSettled }).map((s) => [s.memberA, s.memberB, s.openMediationId]);
    assert.deepEqual(pairs(false), [[5, 6, null]]);
    assert.deepEqual(pairs(true).sort(), [[1, 2, 7], [3, 4, null], [5, 6, null]]);
  });

  test('pairs are ordered (a < b) and a cool-down ends days later', () => {
    assert.deepEqual(orderedPair(9, 3), [3, 9]);
    assert.deepEqual(orderedPair(3, 9), [3, 9]);
    assert.equal(cooldownEnd(NOW, 7).toISOString(), '2026-03-08T12:00:00.000Z');
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let alice: TestMember;
let bob: TestMember;
let carol: TestMember;
let dave: TestMember;
let eve: TestMember;
let space: Space;
let aliceTopic: TopicDetail;
let heated: TopicDetail;
let mediation: Mediation;

const db = () => server.runtime.ctx.database.db;

async function reply(member: TestMember, topicId: number, body: string, replyToPostId?: number) {
  return member.client.post<Post>(`/api/topics/${topicId}/posts`, { body, ...(replyToPostId === undefined ? {} : { replyToPostId }) });
}

async function posted(member: TestMember, topicId: number, body: string, replyToPostId?: number): Promise<Post> {
  const r = await reply(member, topicId, body, replyToPostId);
  assert.equal(r.status, 201, r.text);
  return r.body;
}

async function score(postIds: number[], hate: number, offensive: number): Promise<void> {
  for (const postId of postIds) {
    await db()
      .insertInto('post_scores')
      .values({ post_id: postId, spam: 0, hate, offensive, spam_version: 'test', abuse_version: 'test' })
      .onConflict((oc) => oc.column('post_id').doUpdateSet({ hate, offensive }))
      .execute();
  }
}

async function flag(flagger: TestMember, target: TestMember, options: { daysAgo?: number; status?: 'open' | 'agreed' } = {}): Promise<void> {
  await db()
    .insertInto('flags')
    .values({ flagger_id: flagger.id, target_member_id: target.id, post_id: null, reason: 'harassment', weight: 1, status: options.status ?? 'open', created_at: new Date(Date.now() - (options.daysAgo ?? 0) * DAY) })
    .execute();
}

async function suggestions(query = ''): Promise<Suggestion[]> {
  const r = await moderator.client.get<{ items: Suggestion[] }>(`/api/moderation/mediation/suggestions${query}`);
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

const pairOf = (list: Suggestion[], x: TestMember, y: TestMember) => list.find((s) => s.members.map((m) => m.id).join() === orderedPair(x.id, y.id).join());

async function audited(action: string): Promise<AuditPage['items']> {
  const r = await admin.client.get<AuditPage>(`/api/admin/audit-log?action=${encodeURIComponent(action)}&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

before(async () => {
  server = await startTestServer();
  [admin, moderator, alice, bob, carol, dave, eve] = await Promise.all([
    createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server), createMember(server), createMember(server), createMember(server), createMember(server),
  ]);
  // Trust level 2: no posting limits, so only mediation and slow mode refuse posts here.
  await db().updateTable('members').set({ trust_level: 2 }).where('id', 'in', [alice.id, bob.id, carol.id, dave.id, eve.id]).execute();
  space = await createSpace(admin.client, 'public');
  aliceTopic = await createTopic(alice.client, space.id, 'What do you all think?', 'An ordinary topic');
  heated = await createTopic(carol.client, space.id, 'Tabs are better.', 'Tabs or spaces');
});
after(() => server?.close());

describe('GET /api/moderation/mediation/suggestions', () => {
  test('401, 403 for members and read-only keys', async () => {
    assertError(await server.client().get('/api/moderation/mediation/suggestions'), 401, 'unauthorized');
    assertError(await alice.client.get('/api/moderation/mediation/suggestions'), 403, 'forbidden');
    assertError(await moderator.client.get('/api/moderation/mediation/suggestions?includeSettled=maybe'), 400, 'invalid_request', 'includeSettled');
  });

  test('members who flagged each other in the last 30 days are suggested; one-sided or old flags are not', async () => {
    await flag(alice, bob);
    await flag(bob, alice);
    await flag(bob, alice, { status: 'agreed', daysAgo: 2 });
    await flag(eve, carol);
    await flag(dave, eve, { daysAgo: 40 });
    await flag(eve, dave, { daysAgo: 40 });
    const list = await suggestions();
    const pair = pairOf(list, alice, bob);
    assert.ok(pair, JSON.stringify(list));
    assert.deepEqual(pair.reasons, ['mutual_flags']);
    assert.deepEqual(pair.evidence, ['flagged each other 3 times']);
    assert.deepEqual(pair.members, [alice, bob].sort((x, y) => x.id - y.id).map((m) => ({ id: m.id, username: m.username })));
    assert.equal(pair.topic, null);
    assert.equal(pair.mediationOpen, false);
    assert.equal(pairOf(list, eve, carol), undefined);
    assert.equal(pairOf(list, dave, eve), undefined);
  });

  test('a heated back-and-forth in one topic is suggested with its topic; a calm one is not', async () => {
    const first = heated.posts[0];
    assert.ok(first);
    const d1 = await posted(dave, heated.id, 'No, spaces. Obviously.', first.id);
    const c1 = await posted(carol, heated.id, 'You clearly never wrote real code.', d1.id);
    const d2 = await posted(dave, heated.id, 'And you are a clown.', c1.id);
    await score([d1.id, c1.id, d2.id], 0.4, 0.4);
    // eve and alice argue politely in the same topic.
    const e1 = await posted(eve, heated.id, 'I use both.', first.id);
    const a1 = await posted(alice, heated.id, 'Both? How?', e1.id);
    const e2 = await posted(eve, heated.id, 'Editorconfig per project.', a1.id);
    await posted(alice, heated.id, 'Nice, thanks.', e2.id);
    await score([e1.id, a1.id, e2.id], 0.05, 0.05);

    const list = await suggestions();
    const pair = pairOf(list, carol, dave);
    assert.ok(pair, JSON.stringify(list));
    assert.deepEqual(pair.reasons, ['heated_thread']);
    assert.deepEqual(pair.evidence, ["3 back-and-forth replies in 'Tabs or spaces' with mean abuse 0.80"]);
    assert.deepEqual(pair.topic, { id: heated.id, title: 'Tabs or spaces' });
    assert.equal(pairOf(list, eve, alice), undefined);
  });
});

describe('POST /api/moderation/mediations', () => {
  test('401, 400, 403, 404', async () => {
    const body = { memberIds: [alice.id, bob.id], message: 'Let us talk.' };
    assertError(await server.client().post('/api/moderation/mediations', body), 401, 'unauthorized');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, memberIds: [alice.id] }), 400, 'invalid_request', 'memberIds');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, memberIds: [alice.id, alice.id] }), 400, 'invalid_request', 'memberIds');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, memberIds: [alice.id, moderator.id] }), 400, 'invalid_request', 'memberIds');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, message: '' }), 400, 'invalid_request', 'message');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, message: '  \n ' }), 400, 'invalid_request', 'message');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, extra: true }), 400, 'invalid_request', 'extra');
    assertError(await alice.client.post('/api/moderation/mediations', { ...body, memberIds: [bob.id, carol.id] }), 403, 'forbidden');
    const key = await createApiKey(moderator, 'read');
    assertError(await moderator.client.post('/api/moderation/mediations', body, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, memberIds: [alice.id, 99_999_999] }), 404, 'not_found');
    assertError(await moderator.client.post('/api/moderation/mediations', { ...body, topicId: 99_999_999 }), 404, 'not_found');
  });

  test('201: a private conversation both members can read, the mediation recorded and audited; 409 for a second one', async () => {
    const r = await moderator.client.post<Mediation>('/api/moderation/mediations', { memberIds: [bob.id, alice.id], topicId: aliceTopic.id, message: 'You two keep flagging each other. What happened?' });
    assert.equal(r.status, 201, r.text);
    mediation = r.body;
    const [first, second] = [alice, bob].sort((x, y) => x.id - y.id);
    assert.deepEqual(mediation.members, [first, second].map((m) => ({ id: m?.id, username: m?.username })));
    assert.deepEqual(mediation.moderator, { id: moderator.id, username: moderator.username });
    assert.deepEqual(mediation.topic, { id: aliceTopic.id, title: aliceTopic.title });
    assert.equal(mediation.status, 'open');
    assert.equal(mediation.cooldownUntil, null);
    assert.ok(mediation.conversationId);

    for (const member of [alice, bob, moderator]) {
      const conversation: Reply<Conversation> = await member.client.get<Conversation>(`/api/messages/${mediation.conversationId}`);
      assert.equal(conversation.status, 200, conversation.text);
      assert.match(conversation.body.messages[0]?.body ?? '', /You two keep flagging each other/);
      assert.match(conversation.body.messages[0]?.body ?? '', /mediation/);
    }
    assertError(await carol.client.get(`/api/messages/${mediation.conversationId}`), 404, 'not_found');

    const [entry] = await audited('mediation.open');
    assert.equal(entry?.actorId, moderator.id);
    assert.equal(entry?.targetId, String(mediation.id));

    assertError(await moderator.client.post('/api/moderation/mediations', { memberIds: [alice.id, bob.id], message: 'Again' }), 409, 'conflict');
    assertError(await admin.client.post('/api/moderation/mediations', { memberIds: [bob.id, alice.id], message: 'Again' }), 409, 'conflict');
  });

  test('the pair leaves the suggestions, unless includeSettled', async () => {
    assert.equal(pairOf(await suggestions(), alice, bob), undefined);
    const settled = pairOf(await suggestions('?includeSettled=true'), alice, bob);
    assert.equal(settled?.mediationOpen, true);
    assert.equal(settled?.openMediationId, mediation.id);
  });
});

describe('GET /api/moderation/mediations and /{id}', () => {
  test('401, 403, 404, 400; staff read them', async () => {
    assertError(await server.client().get('/api/moderation/mediations'), 401, 'unauthorized');
    assertError(await alice.client.get('/api/moderation/mediations'), 403, 'forbidden');
    assertError(await alice.client.get(`/api/moderation/mediations/${mediation.id}`), 403, 'forbidden');
    assertError(await moderator.client.get('/api/moderation/mediations?status=pending'), 400, 'invalid_request', 'status');
    assertError(await moderator.client.get('/api/moderation/mediations/99999999'), 404, 'not_found');
    const one = await admin.client.get<Mediation>(`/api/moderation/mediations/${mediation.id}`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body, mediation);
    const open = await moderator.client.get<{ items: Mediation[] }>('/api/moderation/mediations?status=open');
    assert.deepEqual(open.body.items.map((m) => m.id), [mediation.id]);
    const closed = await moderator.client.get<{ items: Mediation[] }>('/api/moderation/mediations?status=closed');
    assert.deepEqual(closed.body.items, []);
  });
});

describe('POST and DELETE /api/moderation/mediations/{id}/cooldown', () => {
  test('401, 400, 403, 404', async () => {
    const path = `/api/moderation/mediations/${mediation.id}/cooldown`;
    assertError(await server.client().post(path, { days: 3, reason: 'x' }), 401, 'unauthorized');
    assertError(await moderator.client.post(path, { days: 0, reason: 'x' }), 400, 'invalid_request', 'days');
    assertError(await moderator.client.post(path, { days: 91, reason: 'x' }), 400, 'invalid_request', 'days');
    assertError(await moderator.client.post(path, { days: 3 }), 400, 'invalid_request', 'reason');
    assertError(await alice.client.post(path, { days: 3, reason: 'x' }), 403, 'forbidden');
    assertError(await alice.client.delete(path), 403, 'forbidden');
    assertError(await moderator.client.post('/api/moderation/mediations/99999999/cooldown', { days: 3, reason: 'x' }), 404, 'not_found');
    assertError(await moderator.client.delete(path), 409, 'conflict');
  });

  test('a cool-down: both are told, and replying to or @mentioning the other fails with 403 cooldown_active', async () => {
    const alicePost = await posted(alice, aliceTopic.id, 'Anyone else?');
    const before = Date.now();
    const r = await moderator.client.post<Mediation>(`/api/moderation/mediations/${mediation.id}/cooldown`, { days: 7, reason: 'Take a week off from each other' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.coolingDown, true);
    const until = Date.parse(r.body.cooldownUntil ?? '');
    assert.ok(until >= before + 7 * DAY - 1000 && until <= Date.now() + 7 * DAY + 1000, r.body.cooldownUntil ?? '');

    for (const [member, other] of [[alice, bob], [bob, alice]] as const) {
      const notes = await member.client.get<{ items: { type: string; title: string; notice: { text: string; url: string | null } | null }[] }>('/api/notifications');
      const note = notes.body.items.find((n) => n.type === 'moderation');
      assert.ok(note, notes.text);
      assert.equal(note.title, `A cool-down with @${other.username}`);
      assert.match(note.notice?.text ?? '', /Take a week off from each other/);
      assert.equal(note.notice?.url, `/messages/${mediation.conversationId}`);
    }
    const [entry] = await audited('mediation.cooldown');
    assert.equal(entry?.reason, 'Take a week off from each other');

    assertError(await reply(bob, aliceTopic.id, 'I disagree.', alicePost.id), 403, 'cooldown_active');
    assertError(await reply(bob, aliceTopic.id, `@${alice.username} you again?`), 403, 'cooldown_active');
    assertError(await reply(alice, aliceTopic.id, `Hey @${bob.username}`), 403, 'cooldown_active');
    await posted(bob, aliceTopic.id, 'A reply to the topic, to nobody in particular.');
    await posted(carol, aliceTopic.id, 'I can still answer Alice.', alicePost.id);
  });

  test('lifting it early lets them reply again; a second lift is 409', async () => {
    const r = await moderator.client.delete<Mediation>(`/api/moderation/mediations/${mediation.id}/cooldown`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.cooldownUntil, null);
    assert.equal(r.body.coolingDown, false);
    assert.equal((await audited('mediation.cooldownLift')).length, 1);
    assertError(await moderator.client.delete(`/api/moderation/mediations/${mediation.id}/cooldown`), 409, 'conflict');
    await posted(bob, aliceTopic.id, `@${alice.username} sorry about before.`);
  });
});

describe('POST /api/moderation/mediations/{id}/close', () => {
  test('401, 400, 403, 404; closes with the outcome once', async () => {
    const path = `/api/moderation/mediations/${mediation.id}/close`;
    assertError(await server.client().post(path, { outcome: 'ok' }), 401, 'unauthorized');
    assertError(await moderator.client.post(path, { outcome: '' }), 400, 'invalid_request', 'outcome');
    assertError(await moderator.client.post(path, { outcome: 'x'.repeat(2001) }), 400, 'invalid_request', 'outcome');
    assertError(await moderator.client.post(path, { outcome: '   ' }), 400, 'invalid_request', 'outcome');
    assertError(await bob.client.post(path, { outcome: 'I won' }), 403, 'forbidden');
    assertError(await moderator.client.post('/api/moderation/mediations/99999999/close', { outcome: 'ok' }), 404, 'not_found');

    const r = await moderator.client.post<Mediation>(path, { outcome: 'They apologised to each other.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'closed');
    assert.equal(r.body.outcome, 'They apologised to each other.');
    assert.ok(r.body.closedAt);
    assertError(await moderator.client.post(path, { outcome: 'again' }), 409, 'conflict');
    assert.equal((await audited('mediation.close')).length, 1);
    const closed = await moderator.client.get<{ items: Mediation[] }>('/api/moderation/mediations?status=closed');
    assert.deepEqual(closed.body.items.map((m) => m.id), [mediation.id]);
  });

  test('a closed mediation no longer blocks a new one for the pair', async () => {
    const r = await moderator.client.post<Mediation>('/api/moderation/mediations', { memberIds: [alice.id, bob.id], message: 'Round two.' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.topic, null);
    assert.notEqual(r.body.id, mediation.id);
  });
});

describe('PUT /api/topics/{id}/slow-mode', () => {
  test('401, 400, 403, 404', async () => {
    const path = `/api/topics/${heated.id}/slow-mode`;
    assertError(await server.client().put(path, { seconds: 60 }), 401, 'unauthorized');
    assertError(await moderator.client.put(path, { seconds: -1 }), 400, 'invalid_request', 'seconds');
    assertError(await moderator.client.put(path, { seconds: 86_401 }), 400, 'invalid_request', 'seconds');
    assertError(await moderator.client.put(path, { seconds: 60, extra: 1 }), 400, 'invalid_request', 'extra');
    assertError(await carol.client.put(path, { seconds: 60 }), 403, 'forbidden');
    assertError(await moderator.client.put('/api/topics/99999999/slow-mode', { seconds: 60 }), 404, 'not_found');
  });

  test('shows on the topic, refuses a quick second post with 429 slow_mode (not for staff), and turns off with 0', async () => {
    const on = await moderator.client.put<{ topicId: number; slowModeSeconds: number }>(`/api/topics/${heated.id}/slow-mode`, { seconds: 600 });
    assert.equal(on.status, 200, on.text);
    assert.deepEqual(on.body, { topicId: heated.id, slowModeSeconds: 600 });
    const topic = await eve.client.get<{ slowModeSeconds: number }>(`/api/topics/${heated.id}`);
    assert.equal(topic.body.slowModeSeconds, 600);
    const [entry] = await audited('topic.slowMode');
    assert.equal(entry?.targetId, String(heated.id));

    const fresh = await createMember(server);
    await db().updateTable('members').set({ trust_level: 2 }).where('id', '=', fresh.id).execute();
    await posted(fresh, heated.id, 'My first word here.');
    const second = await reply(fresh, heated.id, 'And my second, right away.');
    assertError(second, 429, 'slow_mode');
    assert.ok(Number(second.headers.get('retry-after')) > 0);
    await posted(moderator, heated.id, 'Staff are not slowed down.');
    await posted(moderator, heated.id, 'Not even twice.');

    const off = await moderator.client.put<{ slowModeSeconds: number }>(`/api/topics/${heated.id}/slow-mode`, { seconds: 0 });
    assert.equal(off.body.slowModeSeconds, 0);
    assert.equal((await eve.client.get<{ slowModeSeconds: number }>(`/api/topics/${heated.id}`)).body.slowModeSeconds, 0);
    await posted(fresh, heated.id, 'Now I can talk again.');
  });
});
