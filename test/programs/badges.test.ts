// Badges over HTTP: the seeded definitions, each rule (on events and by the daily evaluation), grants
// and revocations by staff, a member's badges, and the leaderboard per period.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { periodStart, ranks } from '../../src/server/features/programs/badges';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space } from '../discussions/helpers';

interface Badge {
  id: number;
  slug: string;
  name: string;
  rule: string | null;
  grantCount: number;
}
interface MemberBadges {
  username: string;
  reputation: number;
  items: { id: number; slug: string; byHand: boolean; reason: string | null; grantedAt: string }[];
}
interface Leaderboard {
  period: string;
  since: string | null;
  items: { rank: number; member: { id: number; username: string | null }; points: number; badgeCount: number }[];
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
let qaSpace: Space;
let badges: Map<string, Badge>;

const db = () => server.runtime.ctx.database.db;
const badgesOf = async (m: TestMember) => {
  const reply = await server.client().get<MemberBadges>(`/api/users/${m.username}/badges`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
};
const slugsOf = async (m: TestMember) => (await badgesOf(m)).items.map((b) => b.slug).sort();
const badge = (slug: string): Badge => {
  const found = badges.get(slug);
  assert.ok(found, slug);
  return found;
};
const evaluateAll = (now?: Date) => server.runtime.services.programs.badges.evaluate(null, undefined, now);
const noticeTitles = async (m: TestMember) => (await m.client.get<{ items: { type: string; title: string }[] }>('/api/notifications?limit=50')).body.items.filter((n) => n.type === 'notice').map((n) => n.title);
const members = (n: number) => Promise.all(Array.from({ length: n }, () => createMember(server)));
const pair = async (): Promise<[TestMember, TestMember]> => [await createMember(server), await createMember(server)];

before(async () => {
  server = await startTestServer();
  [admin, moderator, member] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server)]);
  qaSpace = await createSpace(admin.client, 'public', { kind: 'qa' });
  const list = await server.client().get<{ items: Badge[] }>('/api/badges');
  badges = new Map(list.body.items.map((b) => [b.slug, b]));
});
after(() => server?.close());

describe('badge rules (pure)', () => {
  test('rolling periods and shared ranks', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    assert.equal(periodStart('week', now)?.toISOString(), '2025-03-03T12:00:00.000Z');
    assert.equal(periodStart('month', now)?.toISOString(), '2025-02-08T12:00:00.000Z');
    assert.equal(periodStart('all', now), null);
    assert.deepEqual(ranks([30, 20, 20, 10]), [1, 2, 2, 4]);
    assert.deepEqual(ranks([]), []);
  });
});

describe('GET /api/badges and the rules', () => {
  test('five badges are defined, each by a rule', async () => {
    const list = await server.client().get<{ items: Badge[] }>('/api/badges');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(
      list.body.items.map((b) => [b.slug, b.rule]),
      [['first-post', 'first_post'], ['first-accepted-answer', 'first_accepted_answer'], ['helpful', 'helpful'], ['welcome-committee', 'welcome_committee'], ['anniversary', 'anniversary']],
    );
  });

  test('first post: granted on the first topic or reply, once, with a notice', async () => {
    const [writer, replier] = await pair();
    assert.deepEqual(await slugsOf(writer), []);
    const topic = await createTopic(writer.client, qaSpace.id, 'my first post', 'First question here');
    await replyTo(replier.client, topic.id, 'my first reply');
    await createTopic(writer.client, qaSpace.id, 'my second post', 'Second question here');
    assert.deepEqual(await slugsOf(writer), ['first-post']);
    assert.deepEqual(await slugsOf(replier), ['first-post']);
    assert.deepEqual(await noticeTitles(writer), ['You earned a badge: First post']);
    const got = await badgesOf(writer);
    assert.deepEqual([got.items[0]?.byHand, got.reputation], [false, 0]);
    const count = (await server.client().get<{ items: Badge[] }>('/api/badges')).body.items.find((b) => b.slug === 'first-post')?.grantCount ?? 0;
    assert.ok(count >= 2, String(count));
  });

  test('first accepted answer and helpful (10 up-votes)', async () => {
    const [asker, answerer] = await pair();
    const voters = await members(10);
    const topic = await createTopic(asker.client, qaSpace.id, 'how?', 'How do badges work?');
    const answer = await replyTo(answerer.client, topic.id, 'Like this.');
    assert.equal((await asker.client.put(`/api/topics/${topic.id}/accepted-answer`, { postId: answer.id })).status, 200);
    assert.deepEqual(await slugsOf(answerer), ['first-accepted-answer', 'first-post']);
    for (const [i, v] of voters.entries()) {
      assert.equal((await v.client.post(`/api/posts/${answer.id}/votes`)).status, 201);
      if (i === 8) assert.deepEqual(await slugsOf(answerer), ['first-accepted-answer', 'first-post'], 'nine votes are not enough');
    }
    assert.deepEqual(await slugsOf(answerer), ['first-accepted-answer', 'first-post', 'helpful']);
    assert.equal((await badgesOf(answerer)).reputation, 115);
    assert.ok((await noticeTitles(answerer)).includes('You earned a badge: Helpful'));
  });

  test('welcome committee: first reply to five topics of newcomers', async () => {
    const [greeter, late] = await pair();
    const newcomer = await createMember(server);
    const veteran = await createMember(server);
    await db().updateTable('members').set({ joined_at: new Date(Date.now() - 30 * 86_400_000) }).where('id', '=', veteran.id).execute();
    const plain = await createSpace(admin.client);
    const topics = [];
    for (let i = 0; i < 5; i++) topics.push(await createTopic(newcomer.client, plain.id, `hello ${i}`, `Newcomer topic ${i}`));
    const old = await createTopic(veteran.client, plain.id, 'old hand', 'Veteran topic');
    await replyTo(late.client, topics[0]?.id ?? 0, 'I was first here');
    for (const t of topics) await replyTo(greeter.client, t.id, 'Welcome!');
    await replyTo(greeter.client, old.id, 'Welcome back');
    assert.deepEqual(await slugsOf(greeter), ['first-post'], 'four first replies to newcomers');
    const fifth = await createTopic(newcomer.client, plain.id, 'one more', 'Newcomer topic 5');
    await replyTo(newcomer.client, fifth.id, 'bump (the author does not count)');
    await replyTo(greeter.client, fifth.id, 'Welcome again!');
    assert.deepEqual(await slugsOf(greeter), ['first-post', 'welcome-committee']);
    assert.deepEqual(await slugsOf(late), ['first-post']);
  });

  test('anniversary: a year a member and posted in the last year, by the daily evaluation', async () => {
    const [active, quiet] = await pair();
    await createTopic(active.client, qaSpace.id, 'still here', 'A year on');
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await db().updateTable('members').set({ joined_at: longAgo }).where('id', 'in', [active.id, quiet.id]).execute();
    await evaluateAll();
    assert.deepEqual(await slugsOf(active), ['anniversary', 'first-post']);
    assert.deepEqual(await slugsOf(quiet), []);
    assert.equal(await evaluateAll(), 0, 'a second run grants nothing');
  });
});

describe('grants by hand', () => {
  test('POST /api/badges/{id}/grants: 401, 400, 403, 404, 409; 201 audited; DELETE revokes; rules do not re-grant', async () => {
    const helpful = badge('helpful');
    const firstPost = badge('first-post');
    const grant = (m: TestMember, id: number, body: Record<string, unknown>) => m.client.post(`/api/badges/${id}/grants`, body);
    assertError(await server.client().post(`/api/badges/${helpful.id}/grants`, { username: member.username }), 401, 'unauthorized');
    assertError(await grant(moderator, helpful.id, {}), 400, 'invalid_request');
    assertError(await grant(moderator, helpful.id, { username: member.username, reason: 'x'.repeat(501) }), 400, 'invalid_request');
    assertError(await grant(member, helpful.id, { username: member.username }), 403, 'forbidden');
    assertError(await grant(moderator, 999_999, { username: member.username }), 404, 'not_found');
    assertError(await grant(moderator, helpful.id, { username: 'nobody_here_at_all' }), 404, 'not_found');
    const writeKey = await createApiKey(moderator, 'write');
    assertError(await moderator.client.post(`/api/badges/${helpful.id}/grants`, { username: member.username }, { apiKey: writeKey.key }), 403, 'insufficient_scope');
    assertError(await moderator.client.delete(`/api/badges/${helpful.id}/grants/${member.username}`, { apiKey: writeKey.key }), 403, 'insufficient_scope');

    const granted = await grant(moderator, helpful.id, { username: member.username.toUpperCase(), reason: '  Ran the help desk  ' });
    assert.equal(granted.status, 201, granted.text);
    assert.deepEqual([granted.body.slug, granted.body.byHand, granted.body.reason], ['helpful', true, 'Ran the help desk']);
    assertError(await grant(admin, helpful.id, { username: member.username }), 409, 'conflict');
    assert.deepEqual((await badgesOf(member)).items.map((b) => [b.slug, b.byHand, b.reason]), [['helpful', true, 'Ran the help desk']]);
    assert.deepEqual(await noticeTitles(member), ['You earned a badge: Helpful']);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'action', 'reason']).where('target_type', '=', 'member').where('target_id', '=', String(member.id)).where('action', 'like', 'badge.%').execute();
    assert.deepEqual(audit, [{ actor_id: moderator.id, action: 'badge.grant', reason: 'Ran the help desk' }]);

    const revoke = (m: TestMember | null, id: number, username: string) => (m ? m.client : server.client()).delete(`/api/badges/${id}/grants/${username}`);
    assertError(await revoke(null, helpful.id, member.username), 401, 'unauthorized');
    assertError(await revoke(member, helpful.id, member.username), 403, 'forbidden');
    assertError(await revoke(moderator, firstPost.id, member.username), 404, 'not_found');
    assert.equal((await revoke(moderator, helpful.id, member.username)).status, 204);
    assertError(await revoke(moderator, helpful.id, member.username), 404, 'not_found');
    assert.deepEqual(await slugsOf(member), []);

    // A revoked rule badge stays revoked: the rules skip it.
    await createTopic(member.client, qaSpace.id, 'posting now', 'My first post');
    assert.deepEqual(await slugsOf(member), ['first-post']);
    assert.equal((await revoke(admin, firstPost.id, member.username)).status, 204);
    await evaluateAll();
    assert.deepEqual(await slugsOf(member), []);
    assert.equal((await grant(admin, firstPost.id, { username: member.username })).status, 201, 'staff restore it by hand');
    assert.deepEqual(await slugsOf(member), ['first-post']);
  });

  test('GET /api/users/{username}/badges: 404 for an unknown member', async () => {
    assertError(await server.client().get('/api/users/no_such_member_x/badges'), 404, 'not_found');
  });
});

describe('GET /api/leaderboard', () => {
  test('reputation gained per period, top first, with badge counts; 400 on a bad period', async () => {
    const [asker, top] = await pair();
    const runnerUp = await createMember(server);
    const voters = await members(2);
    const topic = await createTopic(asker.client, qaSpace.id, 'which?', 'Which database should I use?');
    const a1 = await replyTo(top.client, topic.id, 'PostgreSQL');
    const a2 = await replyTo(runnerUp.client, topic.id, 'The embedded one');
    await asker.client.put(`/api/topics/${topic.id}/accepted-answer`, { postId: a1.id });
    for (const v of voters) await v.client.post(`/api/posts/${a2.id}/votes`);
    await voters[0]?.client.post(`/api/posts/${a1.id}/votes`);
    // The acceptance was 10 days ago: outside this week, inside the month.
    await db().updateTable('reputation_events').set({ created_at: new Date(Date.now() - 10 * 86_400_000) }).where('post_id', '=', a1.id).where('reason', '=', 'answer_accepted').execute();

    const board = async (query: string) => {
      const reply = await server.client().get<Leaderboard>(`/api/leaderboard${query}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const pointsOf = (b: Leaderboard) => new Map(b.items.map((i) => [i.member.id, i.points]));
    const week = await board('?period=week');
    assert.equal(week.period, 'week');
    assert.ok(week.since);
    assert.deepEqual([pointsOf(week).get(runnerUp.id), pointsOf(week).get(top.id)], [20, 10]);
    const month = await board('?period=month');
    assert.deepEqual([pointsOf(month).get(top.id), pointsOf(month).get(runnerUp.id)], [25, 20]);
    const all = await board('?period=all');
    assert.equal(all.since, null);
    const sorted = all.items.map((i) => i.points);
    assert.deepEqual(sorted, [...sorted].sort((x, y) => y - x), 'highest first');
    const topRow = all.items.find((i) => i.member.id === top.id);
    assert.deepEqual([topRow?.member.username, topRow?.badgeCount], [top.username, 2], 'first post and first accepted answer');
    assert.equal(all.items.some((i) => i.member.id === asker.id), false, 'no points, not listed');
    assert.equal((await board('')).period, 'month');
    assertError(await server.client().get('/api/leaderboard?period=decade'), 400, 'invalid_request');
  });
});
