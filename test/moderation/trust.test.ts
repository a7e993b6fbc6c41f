// Trust levels: the earned level and the job's decision (table-tested), posting limits per level, the
// public levels, a member's progress, the recompute (route and job) with its notices and audit rows,
// and trust level 4 granted by hand and locked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderMarkdown } from '../../src/server/features/discussions';
import { checkPostingLimits, contentCounts, contentRefusal, earnedLevel, limitsFor, nextLevel, progressToward, rateRefusal, type TrustCounts } from '../../src/server/features/moderation/trust';
import { settingDefaults } from '../../src/server/features/settings/settings.schema';
import { AppError } from '../../src/server/platform/errors';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space } from '../discussions/helpers';

const thresholds = settingDefaults.trustLevelThresholds;
const limits = settingDefaults.trustLevelLimits;
const zero: TrustCounts = { daysVisited: 0, topicsEntered: 0, postsRead: 0, topicsCreated: 0, replies: 0, reactionsGiven: 0, reactionsReceived: 0, flagsAgreed: 0, sanctions: 0 };
const tl1: TrustCounts = { ...zero, topicsEntered: 5, postsRead: 30 };
const tl2: TrustCounts = { ...tl1, daysVisited: 15, topicsEntered: 20, postsRead: 100, replies: 3, reactionsGiven: 1, reactionsReceived: 1 };
const tl3: TrustCounts = { ...tl2, daysVisited: 50, topicsEntered: 100, postsRead: 500, replies: 10, reactionsGiven: 30, reactionsReceived: 20 };

describe('trust levels (rules)', () => {
  test('earnedLevel: each level needs the ones below; 3 is judged on the recent counts', () => {
    const table: [string, TrustCounts, TrustCounts, number][] = [
      ['nothing yet', zero, zero, 0],
      ['one post short of 1', { ...tl1, postsRead: 29 }, zero, 0],
      ['1', tl1, zero, 1],
      ['2 counts without 1\'s topics', { ...tl2, topicsEntered: 4 }, zero, 0],
      ['2', tl2, zero, 2],
      ['3 all time, not recently', tl3, tl2, 2],
      ['3', tl3, tl3, 3],
      ['3 with 6 agreed flags against', tl3, { ...tl3, flagsAgreed: 6 }, 2],
      ['3 with 5 agreed flags against', tl3, { ...tl3, flagsAgreed: 5 }, 3],
      ['3 with a recent sanction', tl3, { ...tl3, sanctions: 1 }, 2],
    ];
    for (const [name, allTime, recent, level] of table) assert.equal(earnedLevel({ allTime, recent }, thresholds), level, name);
  });

  test('nextLevel: up when earned; 1 and 2 never drop, 3 drops to 2; 4 and locked levels stay; no promotion while restricted', () => {
    const m = (level: number, extra: { locked?: boolean; restricted?: boolean } = {}) => ({ level, locked: false, restricted: false, ...extra });
    assert.equal(nextLevel(m(0), 1), 1);
    assert.equal(nextLevel(m(0), 3), 3);
    assert.equal(nextLevel(m(2), 0), 2);
    assert.equal(nextLevel(m(1), 0), 1);
    assert.equal(nextLevel(m(3), 1), 2);
    assert.equal(nextLevel(m(3), 3), 3);
    assert.equal(nextLevel(m(4), 0), 4);
    assert.equal(nextLevel(m(2, { locked: true }), 3), 2);
    assert.equal(nextLevel(m(3, { locked: true }), 0), 3);
    assert.equal(nextLevel(m(0, { restricted: true }), 2), 0);
    assert.equal(nextLevel(m(3, { restricted: true }), 2), 2, 'a restricted member still drops from 3');
  });

  test('progressToward lists the level\'s requirements with what is met', () => {
    const { period, requirements } = progressToward({ allTime: { ...tl1, postsRead: 12 }, recent: zero }, thresholds, 1);
    assert.equal(period, 'allTime');
    assert.deepEqual(requirements, [
      { metric: 'topicsEntered', kind: 'atLeast', required: 5, current: 5, met: true },
      { metric: 'postsRead', kind: 'atLeast', required: 30, current: 12, met: false },
    ]);
    const three = progressToward({ allTime: tl3, recent: { ...tl3, flagsAgreed: 7 } }, thresholds, 3);
    assert.equal(three.period, 'recent');
    assert.deepEqual(three.requirements.at(-1), { metric: 'flagsAgreed', kind: 'atMost', required: 5, current: 7, met: false });
  });
});

describe('posting limits (rules)', () => {
  test('links and images count as rendered: Markdown links, autolinks, bare URLs; not code or mentions', () => {
    const html = renderMarkdown('[a](https://a.example) <https://b.example> and https://c.example\n\n![pic](https://d.example/x.png) `https://code.example` @someone');
    assert.deepEqual(contentCounts(html), { links: 3, images: 1 });
  });

  test('content and rate refusals name the limit', () => {
    assert.match(contentRefusal(0, limitsFor(0, limits), { links: 3, images: 0 }) ?? '', /at trust level 0 a post may have at most 2 links; this one has 3/i);
    assert.match(contentRefusal(0, limitsFor(0, limits), { links: 0, images: 2 }) ?? '', /at most 1 image;/);
    assert.equal(contentRefusal(1, limitsFor(1, limits), { links: 3, images: 2 }), null);
    assert.equal(contentRefusal(3, limitsFor(3, limits), { links: 300, images: 300 }), null, 'trust level 2 and up: no limits');
    const at = Date.UTC(2026, 0, 2);
    const soon = rateRefusal(0, limits.tl0, 'reply', { topics: [], replies: [at - 5000], lastPostAt: at - 5000 }, at);
    assert.deepEqual([soon?.retryAfter, /once every 30 seconds/.test(soon?.message ?? '')], [25, true]);
    const hour = 3_600_000;
    const topics = [at - 20 * hour, at - 10 * hour, at - 2 * hour];
    const full = rateRefusal(0, limits.tl0, 'topic', { topics, replies: [], lastPostAt: at - 2 * hour }, at);
    assert.equal(full?.retryAfter, 4 * 3600, 'until the oldest of the day leaves the window');
    assert.match(full?.message ?? '', /at most 3 new topics in 24 hours/);
    assert.equal(rateRefusal(0, limits.tl0, 'reply', { topics, replies: [], lastPostAt: at - 2 * hour }, at), null, 'replies count separately');
    assert.equal(rateRefusal(2, limits.tl2, 'topic', { topics: [at - 1, at - 2, at - 3, at - 4], replies: [], lastPostAt: at - 1 }, at), null);
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let space: Space;

const db = () => server.runtime.ctx.database.db;
const levelOf = async (m: TestMember) => (await db().selectFrom('members').select(['trust_level', 'trust_level_locked']).where('id', '=', m.id).executeTakeFirstOrThrow());

async function setLevel(m: TestMember, trustLevel: number): Promise<void> {
  const reply = await admin.client.patch(`/api/admin/members/${m.id}`, { trustLevel });
  assert.equal(reply.status, 200, reply.text);
}

before(async () => {
  server = await startTestServer({ moderation: 'default' });
  [admin, moderator] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator')]);
  space = await createSpace(admin.client, 'public');
});
after(() => server?.close());

describe('checkPostingLimits', () => {
  test('refuses a trust level 0 post with 3 links (429 trust_limit on body) and lets it through at 2', async () => {
    const member = await createMember(server);
    const markdown = 'see https://a.example, https://b.example and https://c.example';
    const draft = { authorId: member.id, trustLevel: 0, kind: 'reply' as const, html: renderMarkdown(markdown), at: new Date() };
    await assert.rejects(checkPostingLimits(db(), draft, limits), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.deepEqual([error.code, error.status, error.field], ['trust_limit', 429, 'body']);
      assert.match(error.message, /at most 2 links/);
      return true;
    });
    await checkPostingLimits(db(), { ...draft, trustLevel: 2 }, limits);

    const topic = await createTopic(admin.client, space.id);
    await setLevel(member, 0);
    assertError(await member.client.post(`/api/topics/${topic.id}/posts`, { body: markdown }), 429, 'trust_limit', 'body');
    await setLevel(member, 2);
    assert.equal((await member.client.post(`/api/topics/${topic.id}/posts`, { body: markdown })).status, 201);
  });

  test('refuses a second post too soon at trust level 0, with Retry-After', async () => {
    const member = await createMember(server);
    const topic = await createTopic(admin.client, space.id);
    await setLevel(member, 0);
    assert.equal((await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'first words here' })).status, 201);
    const again = await member.client.post(`/api/topics/${topic.id}/posts`, { body: 'second words here' });
    assertError(again, 429, 'trust_limit', 'body');
    const wait = Number(again.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 30, String(wait));
  });
});

describe('GET /api/trust-levels and GET /api/me/trust', () => {
  test('the levels, for everyone', async () => {
    const reply = await server.client().get<{ levels: { level: number; name: string; requirements: unknown; periodDays: number | null; limits: unknown; flagWeight: number }[] }>('/api/trust-levels');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body.levels.map((l) => [l.level, l.name, l.periodDays, l.flagWeight]), [[0, 'New', null, 0.5], [1, 'Basic', null, 0.75], [2, 'Member', null, 1], [3, 'Regular', 100, 1.25], [4, 'Leader', null, 1.5]]);
    assert.deepEqual(reply.body.levels.map((l) => l.requirements), [null, thresholds.tl1, thresholds.tl2, thresholds.tl3, null]);
    assert.deepEqual(reply.body.levels.map((l) => l.limits), [limits.tl0, limits.tl1, limits.tl2, limits.tl2, limits.tl2]);
  });

  test('401; the member\'s counts, limits and progress toward the next level', async () => {
    assertError(await server.client().get('/api/me/trust'), 401, 'unauthorized');
    const member = await createMember(server);
    await setLevel(member, 1);
    const topic = await createTopic(admin.client, space.id);
    await replyTo(admin.client, topic.id, 'a second post');
    assert.equal((await member.client.put(`/api/topics/${topic.id}/read`, { postNumber: 2 })).status, 200);
    // Being seen on two days (the credentials cache sets last_seen_at) makes two visits.
    for (const at of ['2026-01-01T10:00:00Z', '2026-01-03T10:00:00Z', '2026-01-03T11:00:00Z']) await db().updateTable('members').set({ last_seen_at: at }).where('id', '=', member.id).execute();
    const reply = await member.client.get<{ level: number; locked: boolean; stats: { allTime: TrustCounts }; limits: unknown; next: { level: number; met: boolean; requirements: { metric: string; current: number }[] } | null }>('/api/me/trust');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual([reply.body.level, reply.body.locked, reply.body.limits], [1, false, limits.tl1]);
    assert.deepEqual(reply.body.stats.allTime, { ...zero, daysVisited: 2, topicsEntered: 1, postsRead: 2 });
    assert.equal(reply.body.next?.level, 2);
    assert.equal(reply.body.next?.met, false);
    assert.equal(reply.body.next?.requirements.find((r) => r.metric === 'daysVisited')?.current, 2);
  });
});

describe('recomputing trust levels', () => {
  test('401, 403; promotes a member who meets 1 and tells them, lowers 3 to 2, leaves locked 4 alone', async () => {
    const reader = await createMember(server);
    const regular = await createMember(server);
    const leader = await createMember(server);
    const easy = { ...thresholds, tl1: { ...thresholds.tl1, topicsEntered: 2, postsRead: 3 } };
    assert.equal((await admin.client.patch('/api/admin/settings', { trustLevelThresholds: easy })).status, 200);
    await setLevel(reader, 0);
    await setLevel(regular, 3);
    await setLevel(leader, 4);
    assert.deepEqual(await levelOf(leader), { trust_level: 4, trust_level_locked: true }, 'granted by hand: locked');
    for (const title of ['Read me first', 'Read me second']) {
      const topic = await createTopic(admin.client, space.id, 'Opening post', title);
      await replyTo(admin.client, topic.id, 'and a reply');
      assert.equal((await reader.client.put(`/api/topics/${topic.id}/read`, { postNumber: 2 })).status, 200);
    }

    const path = '/api/admin/trust-levels/recompute';
    assertError(await server.client().post(path), 401, 'unauthorized');
    assertError(await moderator.client.post(path), 403, 'forbidden');
    const reply = await admin.client.post<{ changed: number; promoted: { memberId: number; from: number; to: number }[]; demoted: { memberId: number; from: number; to: number }[] }>(path);
    assert.equal(reply.status, 200, reply.text);
    // Other members of this file may earn 1 as well (authors have read their own topics).
    const promoted = reply.body.promoted.map((c) => [c.memberId, c.from, c.to]);
    assert.deepEqual(promoted.find(([id]) => id === reader.id), [reader.id, 0, 1]);
    assert.ok(promoted.every(([id]) => id !== regular.id && id !== leader.id), JSON.stringify(promoted));
    assert.deepEqual(reply.body.demoted.map((c) => [c.memberId, c.from, c.to]), [[regular.id, 3, 2]]);
    assert.equal(reply.body.changed, promoted.length + 1);
    assert.equal((await levelOf(reader)).trust_level, 1);
    assert.deepEqual(await levelOf(leader), { trust_level: 4, trust_level_locked: true });

    const me = await reader.client.get<{ trustLevel: number }>('/api/me');
    assert.equal(me.body.trustLevel, 1, 'the cached principal was refreshed');
    const notes = (await reader.client.get<{ items: { type: string; title: string; notice: { text: string } | null }[] }>('/api/notifications')).body.items;
    assert.equal(notes[0]?.type, 'moderation');
    assert.equal(notes[0]?.title, 'You reached trust level 1');
    assert.match(notes[0]?.notice?.text ?? '', /more links and images/);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'reason', 'before', 'after']).where('action', '=', 'member.trustLevel').where('target_id', '=', String(reader.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor_id: null, reason: 'earned', before: { trustLevel: 0 }, after: { trustLevel: 1 } });

    const again = await admin.client.post<{ changed: number }>(path);
    assert.equal(again.body.changed, 0, 'nothing left to change');
    await setLevel(leader, 3);
    assert.deepEqual(await levelOf(leader), { trust_level: 3, trust_level_locked: false }, 'set below 4 by hand: unlocked');
  });

  test('the trust.recompute job runs the same recompute and reports progress', async () => {
    const member = await createMember(server);
    await setLevel(member, 3);
    const jobId = await server.runtime.ctx.jobs.send('trust.recompute', {});
    const deadline = Date.now() + 30_000;
    let status: { state: string; percent: number; message: string } | undefined;
    while (Date.now() < deadline) {
      status = (await admin.client.get<{ state: string; percent: number; message: string }>(`/api/admin/jobs/${jobId}`)).body;
      if (status.state === 'completed' || status.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual([status?.state, status?.percent], ['completed', 100]);
    assert.equal((await levelOf(member)).trust_level, 2);
  });
});
