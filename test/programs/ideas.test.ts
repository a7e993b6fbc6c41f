// Ideas boards: the pure rules (trending weights, status decisions, recipients), voting and taking a
// vote back, staff statuses with public comments and notices, and merging duplicates, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decideStatus, noticeRecipients, trending, trendingScore, trendingWeight } from '../../src/server/features/programs/ideas';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { Sse } from '../discussions/sse';
import { assertError, createSpace, createTopic, type Space } from '../discussions/helpers';
import { type Idea, type IdeaVote, ideaNotices } from '../support/ideas';

const HOUR = 3_600_000;

describe('ideas rules', () => {
  test('trending weight: 1 now, halves every 72 hours, nothing from 14 days on', () => {
    assert.equal(trendingWeight(0), 1);
    assert.equal(trendingWeight(-5 * HOUR), 1, 'a vote from the future counts as now');
    assert.ok(Math.abs(trendingWeight(72 * HOUR) - 0.5) < 1e-12);
    assert.ok(Math.abs(trendingWeight(144 * HOUR) - 0.25) < 1e-12);
    assert.ok(trendingWeight(14 * 24 * HOUR - 1) > 0.03);
    assert.equal(trendingWeight(14 * 24 * HOUR), 0);
    assert.equal(trendingWeight(30 * 24 * HOUR), 0);
    assert.deepEqual(trending, { windowDays: 14, halfLifeHours: 72 });
  });

  test('trending score: fresh votes beat more old ones', () => {
    const now = new Date('2030-01-20T12:00:00Z');
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
    const fresh = trendingScore([ago(1), ago(2), ago(3)], now);
    const old = trendingScore([ago(24 * 10), ago(24 * 10), ago(24 * 11), ago(24 * 12), ago(24 * 20)], now);
    assert.ok(fresh > 2.9 && fresh < 3, String(fresh));
    assert.ok(old < 0.5, String(old));
    assert.equal(trendingScore([], now), 0);
  });

  test('status decisions: duplicate only by merging, declined needs a comment, same status and comment change nothing', () => {
    const open = { status: 'open' as const, comment: '' };
    assert.deepEqual(decideStatus(open, 'planned', ''), { kind: 'change' });
    assert.equal(decideStatus(open, 'duplicate', 'see #2').kind, 'problem');
    assert.deepEqual(decideStatus(open, 'declined', ''), { kind: 'problem', field: 'comment', message: 'Say why the idea is declined' });
    assert.deepEqual(decideStatus(open, 'declined', 'out of scope'), { kind: 'change' });
    assert.deepEqual(decideStatus({ status: 'planned', comment: 'Q3' }, 'planned', 'Q3'), { kind: 'unchanged' });
    assert.deepEqual(decideStatus({ status: 'planned', comment: 'Q3' }, 'planned', 'Q4'), { kind: 'comment_only' });
  });

  test('notice recipients: voters and author once each, never the actor', () => {
    assert.deepEqual(noticeRecipients([3, 4, 5], 4, 5), [3, 4]);
    assert.deepEqual(noticeRecipients([], 7, 1), [7]);
    assert.deepEqual(noticeRecipients([1], 1, 1), []);
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let author: TestMember;
let voter: TestMember;
let other: TestMember;
let board: Space;
let plain: Space;
let hiddenBoard: Space;

const db = () => server.runtime.ctx.database.db;
const vote = (m: TestMember, id: number) => m.client.post<IdeaVote>(`/api/ideas/${id}/vote`);
const unvote = (m: TestMember, id: number) => m.client.delete<IdeaVote>(`/api/ideas/${id}/vote`);
const idea = async (m: TestMember | null, id: number) => (await (m ? m.client : server.client()).get<Idea>(`/api/ideas/${id}`)).body;
const setStatus = (m: TestMember, id: number, body: Record<string, unknown>) => m.client.put<Idea>(`/api/ideas/${id}/status`, body);

before(async () => {
  server = await startTestServer();
  [admin, moderator, author, voter, other] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server), createMember(server), createMember(server)]);
  board = await createSpace(admin.client, 'public', { kind: 'ideas' });
  plain = await createSpace(admin.client, 'public');
  hiddenBoard = await createSpace(admin.client, 'private', { kind: 'ideas' });
});
after(() => server?.close());

describe('POST and DELETE /api/ideas/{id}/vote', () => {
  test('401, 403 read key, 404, not_ideas_space; vote, already_voted, take back, not_voted, vote again', async () => {
    const topic = await createTopic(author.client, board.id, 'Add a dark theme', 'Dark mode please');
    const discussion = await createTopic(author.client, plain.id, 'No idea here', 'Just talking');
    const hidden = await createTopic(admin.client, hiddenBoard.id, 'secret idea', 'Staff only');
    assertError(await server.client().post(`/api/ideas/${topic.id}/vote`), 401, 'unauthorized');
    assertError(await server.client().delete(`/api/ideas/${topic.id}/vote`), 401, 'unauthorized');
    const key = await createApiKey(voter, 'read');
    assertError(await voter.client.post(`/api/ideas/${topic.id}/vote`, undefined, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await voter.client.post('/api/ideas/0/vote'), 400, 'invalid_request');
    assertError(await vote(voter, 999_999), 404, 'not_found');
    assertError(await vote(voter, hidden.id), 404, 'not_found');
    assertError(await vote(voter, discussion.id), 409, 'not_ideas_space');
    assertError(await unvote(voter, discussion.id), 409, 'not_ideas_space');

    assert.deepEqual((await vote(voter, topic.id)).body, { topicId: topic.id, votes: 1, voted: true });
    assertError(await vote(voter, topic.id), 409, 'already_voted');
    assert.deepEqual((await vote(author, topic.id)).body, { topicId: topic.id, votes: 2, voted: true }, 'authors may vote for their own idea');
    assert.deepEqual((await unvote(voter, topic.id)).body, { topicId: topic.id, votes: 1, voted: false });
    assertError(await unvote(voter, topic.id), 409, 'not_voted');
    assertError(await unvote(other, topic.id), 409, 'not_voted');
    assert.deepEqual((await vote(voter, topic.id)).body, { topicId: topic.id, votes: 2, voted: true });

    const seen = await idea(voter, topic.id);
    assert.deepEqual([seen.votes, seen.voted, seen.status, seen.canManage], [2, true, 'open', false]);
    assert.equal((await idea(other, topic.id)).voted, false);
    assert.equal((await idea(null, topic.id)).voted, false);
    const rows = await db().selectFrom('idea_votes').select('member_id').where('topic_id', '=', topic.id).orderBy('member_id').execute();
    assert.deepEqual(rows.map((r) => r.member_id), [author.id, voter.id].sort((a, b) => a - b));
    const kinds = await db().selectFrom('activities').select('kind').where('member_id', '=', voter.id).where('topic_id', '=', topic.id).orderBy('id').execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['idea.vote', 'idea.unvote', 'idea.vote']);
  });

  test('parallel votes by different members all count once', async () => {
    const topic = await createTopic(author.client, board.id, 'Everyone wants it', 'Popular idea');
    const crowd = await Promise.all(Array.from({ length: 8 }, () => createMember(server)));
    const replies = await Promise.all([...crowd.map((m) => vote(m, topic.id)), ...crowd.slice(0, 3).map((m) => vote(m, topic.id))]);
    assert.equal(replies.filter((r) => r.status === 200).length, 8, replies.map((r) => r.text).join('\n'));
    assert.equal(replies.filter((r) => r.status === 409).length, 3);
    await Promise.all(crowd.slice(0, 4).map((m) => unvote(m, topic.id)));
    const state = await db().selectFrom('ideas').select('vote_count').where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
    const counted = await db().selectFrom('idea_votes').select(db().fn.countAll<string | number>().as('n')).where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
    assert.equal(state.vote_count, 4);
    assert.equal(Number(counted.n), 4);
    assert.equal((await idea(null, topic.id)).votes, 4);
  });

  test('counts are live: whoever sees the board gets the new count, nobody outside a private board', async () => {
    const topic = await createTopic(author.client, board.id, 'Live counts', 'Watch the number move');
    const secret = await createTopic(admin.client, hiddenBoard.id, 'Staff idea', 'Only staff see it');
    const [guest, insider] = await Promise.all([Sse.open(server.url), Sse.open(server.url, moderator)]);
    try {
      assert.equal((await vote(voter, topic.id)).status, 200);
      assert.deepEqual((await guest.next('idea.votesChanged', (d) => d.topicId === topic.id)).data, { topicId: topic.id, spaceId: board.id, votes: 1 });
      assert.equal((await unvote(voter, topic.id)).status, 200);
      await guest.next('idea.votesChanged', (d) => d.topicId === topic.id && d.votes === 0);
      assert.equal((await vote(moderator, secret.id)).status, 200);
      await insider.next('idea.votesChanged', (d) => d.topicId === secret.id && d.votes === 1);
      assert.deepEqual(guest.all('idea.votesChanged', (d) => d.topicId === secret.id), [], 'a guest hears nothing of a private board');
    } finally {
      guest.close();
      insider.close();
    }
  });
});

describe('GET /api/ideas/{id}', () => {
  test('404 for hidden or missing, 409 outside a board; guests read an idea', async () => {
    const hidden = await createTopic(admin.client, hiddenBoard.id, 'secret', 'Secret plan');
    const discussion = await createTopic(author.client, plain.id, 'hello', 'Chit chat');
    assertError(await server.client().get(`/api/ideas/${hidden.id}`), 404, 'not_found');
    assertError(await voter.client.get(`/api/ideas/${hidden.id}`), 404, 'not_found');
    assertError(await voter.client.get('/api/ideas/999999'), 404, 'not_found');
    assertError(await voter.client.get(`/api/ideas/${discussion.id}`), 409, 'not_ideas_space');
    const seen = await admin.client.get<Idea>(`/api/ideas/${hidden.id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.deepEqual([seen.body.votes, seen.body.status, seen.body.canManage, seen.body.history, seen.body.mergedInto], [0, 'open', true, [], null]);
  });
});

describe('PUT /api/ideas/{id}/status', () => {
  test('401, 403, 400, 404; planned with a comment notifies voters and author, audits, emits', async () => {
    const topic = await createTopic(author.client, board.id, 'Let us export', 'Export to CSV');
    await vote(voter, topic.id);
    await vote(moderator, topic.id);
    const events: unknown[] = [];
    server.runtime.ctx.bus.on('idea.statusChanged', (payload) => void events.push(payload));
    assertError(await server.client().put(`/api/ideas/${topic.id}/status`, { status: 'planned' }), 401, 'unauthorized');
    assertError(await setStatus(voter, topic.id, { status: 'planned' }), 403, 'forbidden');
    assertError(await setStatus(moderator, topic.id, { status: 'someday' }), 400, 'invalid_request', 'status');
    assertError(await setStatus(moderator, topic.id, { status: 'planned', comment: 'x'.repeat(2001) }), 400, 'invalid_request', 'comment');
    assertError(await setStatus(moderator, topic.id, { status: 'declined', comment: '   ' }), 400, 'invalid_request', 'comment');
    assertError(await setStatus(moderator, topic.id, { status: 'duplicate' }), 400, 'invalid_request', 'status');
    assertError(await setStatus(moderator, 999_999, { status: 'planned' }), 404, 'not_found');

    const planned = await setStatus(moderator, topic.id, { status: 'planned', comment: '  Coming in **May**  ' });
    assert.equal(planned.status, 200, planned.text);
    assert.deepEqual([planned.body.status, planned.body.statusComment], ['planned', 'Coming in **May**']);
    assert.match(planned.body.statusCommentHtml, /<strong>May<\/strong>/);
    assert.equal(planned.body.history.length, 1);
    assert.deepEqual([planned.body.history[0]?.status, planned.body.history[0]?.previousStatus, planned.body.history[0]?.actor?.id], ['planned', 'open', moderator.id]);
    assert.deepEqual(events, [{ topicId: topic.id, spaceId: board.id, status: 'planned', comment: 'Coming in **May**', actorId: moderator.id }]);

    for (const m of [voter, author]) {
      const mine = await ideaNotices(m);
      assert.equal(mine.length, 1, m.username);
      assert.equal(mine[0]?.title, 'Idea "Export to CSV" is now Planned');
      assert.deepEqual(mine[0]?.notice, { text: 'Coming in **May**', url: `/t/${topic.slug}/${topic.id}` });
    }
    assert.equal((await ideaNotices(moderator)).length, 0, 'the staff member who acted is not told');
    assert.equal((await ideaNotices(other)).length, 0, 'non-voters are not told');

    // The same status again changes nothing; a new comment updates it quietly.
    assert.equal((await setStatus(moderator, topic.id, { status: 'planned', comment: 'Coming in **May**' })).body.history.length, 1);
    const reworded = await setStatus(admin, topic.id, { status: 'planned', comment: 'Coming in June' });
    assert.deepEqual([reworded.body.statusComment, reworded.body.history.length], ['Coming in June', 2]);
    assert.equal((await ideaNotices(voter)).length, 1);
    assert.equal(events.length, 1);

    const declined = await setStatus(admin, topic.id, { status: 'declined', comment: 'Out of scope' });
    assert.deepEqual([declined.body.status, declined.body.history.map((h) => h.status)], ['declined', ['planned', 'planned', 'declined']]);
    assert.equal((await ideaNotices(voter)).length, 2);
    assert.equal(events.length, 2);
    const audits = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('target_type', '=', 'topic').where('target_id', '=', String(topic.id)).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => a.action), ['idea.status', 'idea.status', 'idea.status']);
  });

  test('a staff call: an API key needs the admin scope', async () => {
    const topic = await createTopic(author.client, board.id, 'Keys', 'Scoped idea');
    const write = await createApiKey(moderator, 'write');
    assertError(await moderator.client.put(`/api/ideas/${topic.id}/status`, { status: 'planned' }, { apiKey: write.key }), 403, 'insufficient_scope');
    assertError(await moderator.client.post(`/api/ideas/${topic.id}/merge`, { intoTopicId: topic.id }, { apiKey: write.key }), 403, 'insufficient_scope');
    const staffKey = await createApiKey(moderator, 'admin');
    const set = await moderator.client.put<Idea>(`/api/ideas/${topic.id}/status`, { status: 'planned' }, { apiKey: staffKey.key });
    assert.equal(set.status, 200, set.text);
  });

  test('a deleted idea takes no status: 404, and its voters hear nothing', async () => {
    const topic = await createTopic(author.client, board.id, 'Soon gone', 'Deleted idea');
    await vote(voter, topic.id);
    const before = (await ideaNotices(voter)).length;
    assert.equal((await author.client.delete(`/api/posts/${topic.posts[0]?.id}`)).status, 204);
    assertError(await setStatus(moderator, topic.id, { status: 'planned', comment: 'Secretly planned' }), 404, 'not_found');
    assert.equal((await ideaNotices(voter)).length, before);
  });

  test('voters and the author who can no longer see the board are not told', async () => {
    const closing = await createSpace(admin.client, 'public', { kind: 'ideas' });
    const topic = await createTopic(author.client, closing.id, 'Staff will see', 'Soon private idea');
    await vote(voter, topic.id);
    await vote(moderator, topic.id);
    const dup = await createTopic(other.client, closing.id, 'Same', 'Soon private duplicate');
    await vote(voter, dup.id);
    assert.equal((await admin.client.patch(`/api/spaces/${closing.id}`, { visibility: 'private' })).status, 200);
    const [voterBefore, authorBefore, otherBefore] = [(await ideaNotices(voter)).length, (await ideaNotices(author)).length, (await ideaNotices(other)).length];
    assert.equal((await setStatus(admin, topic.id, { status: 'declined', comment: 'Internal reasons' })).status, 200);
    assert.equal((await admin.client.post(`/api/ideas/${dup.id}/merge`, { intoTopicId: topic.id })).status, 200);
    assert.deepEqual([(await ideaNotices(voter)).length, (await ideaNotices(author)).length, (await ideaNotices(other)).length], [voterBefore, authorBefore, otherBefore]);
    const told = (await ideaNotices(moderator)).filter((n) => n.title.startsWith('Idea "Soon private'));
    assert.deepEqual(told.map((n) => n.title), ['Idea "Soon private idea" is now Declined'], 'staff still see the board');
  });
});

describe('POST /api/ideas/{id}/merge', () => {
  test('validation; votes move without double counting; duplicate closed, pointing, voters told', async () => {
    const target = await createTopic(author.client, board.id, 'Work without network', 'Offline mode');
    const dup = await createTopic(other.client, board.id, 'Same thing', 'Work offline');
    const discussion = await createTopic(author.client, plain.id, 'nothing', 'Off-topic');
    const [a, b, c] = await Promise.all([createMember(server), createMember(server), createMember(server)]);
    for (const m of [a, b]) await vote(m, target.id);
    for (const m of [b, c, voter]) await vote(m, dup.id);
    const merge = (m: TestMember, id: number, body: Record<string, unknown>) => m.client.post<{ duplicate: Idea; into: Idea }>(`/api/ideas/${id}/merge`, body);

    assertError(await server.client().post(`/api/ideas/${dup.id}/merge`, { intoTopicId: target.id }), 401, 'unauthorized');
    assertError(await merge(voter, dup.id, { intoTopicId: target.id }), 403, 'forbidden');
    assertError(await merge(moderator, dup.id, {}), 400, 'invalid_request');
    assertError(await merge(moderator, dup.id, { intoTopicId: dup.id }), 400, 'invalid_request', 'intoTopicId');
    assertError(await merge(moderator, dup.id, { intoTopicId: 999_999 }), 404, 'not_found');
    assertError(await merge(moderator, dup.id, { intoTopicId: discussion.id }), 409, 'not_ideas_space');
    const deletedIdea = await createTopic(author.client, board.id, 'gone', 'Deleted target');
    assert.equal((await author.client.delete(`/api/posts/${deletedIdea.posts[0]?.id}`)).status, 204);
    assertError(await merge(moderator, dup.id, { intoTopicId: deletedIdea.id }), 404, 'not_found');

    const merged = await merge(moderator, dup.id, { intoTopicId: target.id, comment: 'Same as Offline mode' });
    assert.equal(merged.status, 200, merged.text);
    assert.deepEqual([merged.body.duplicate.status, merged.body.duplicate.votes, merged.body.duplicate.mergedInto], ['duplicate', 0, { id: target.id, title: 'Offline mode', slug: target.slug }]);
    assert.deepEqual([merged.body.into.votes, merged.body.into.duplicates], [4, [{ id: dup.id, title: 'Work offline', slug: dup.slug }]], 'a, b, c and voter; b once');
    const voters = await db().selectFrom('idea_votes').select('member_id').where('topic_id', 'in', [target.id, dup.id]).execute();
    assert.equal(voters.length, 4);
    const closed = await db().selectFrom('topics').select('closed').where('id', '=', dup.id).executeTakeFirstOrThrow();
    assert.equal(closed.closed, true);
    assert.equal((await idea(c, target.id)).voted, true, 'the moved vote counts for the voter');

    for (const m of [b, c, voter, other]) {
      const told = (await ideaNotices(m)).filter((n) => n.title === 'Idea "Work offline" was merged');
      assert.equal(told.length, 1, m.username);
      assert.equal(told[0]?.notice?.url, `/t/${target.slug}/${target.id}`);
    }
    assert.equal((await ideaNotices(a)).length, 0, 'voters of the target alone are not told');

    assertError(await vote(a, dup.id), 409, 'idea_merged');
    assertError(await merge(moderator, dup.id, { intoTopicId: target.id }), 409, 'idea_merged');
    assertError(await merge(moderator, target.id, { intoTopicId: dup.id }), 409, 'idea_merged');
    assertError(await setStatus(moderator, dup.id, { status: 'open' }), 409, 'idea_merged');
    const audit = await db().selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'idea.merge').where('target_id', '=', String(dup.id)).executeTakeFirstOrThrow();
    assert.deepEqual(audit.after, { status: 'duplicate', intoTopicId: target.id, intoVotes: 4, movedVotes: 2 });
  });
});
