// Q&A spaces over HTTP: accepting answers (who, what, moving it), answer votes, the reputation ledger
// they feed, the question list and its filters, first-answer tracking and the statistics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { acceptEarns, acceptProblem, countsAsAnswer, mayAccept, voteProblem } from '../../src/server/features/programs/qa';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space } from '../discussions/helpers';
import { Sse } from '../discussions/sse';

interface TopicQa {
  topicId: number;
  askerId: number;
  acceptedAnswer: { postId: number; postNumber: number; author: { id: number; username: string | null }; html: string; createdAt: string; acceptedAt: string; votes: number } | null;
  votes: { postId: number; count: number }[];
  myVotes: number[];
  canAccept: boolean;
  canVote: boolean;
  firstAnswerAt: string | null;
}
interface Question {
  id: number;
  title: string;
  answerCount: number;
  voteCount: number;
  answered: boolean;
  acceptedPostId: number | null;
}
interface Stats {
  questions: number;
  withAnswer: number;
  answered: number;
  answeredShare: number;
  medianHoursToFirstAnswer: number | null;
  medianHoursToAccepted: number | null;
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let asker: TestMember;
let answerer: TestMember;
let second: TestMember;
let voter: TestMember;
let qaSpace: Space;
let plainSpace: Space;
let privateQa: Space;

const db = () => server.runtime.ctx.database.db;
const reputation = async (m: TestMember) => (await db().selectFrom('members').select('reputation').where('id', '=', m.id).executeTakeFirstOrThrow()).reputation;
const ledger = async (m: TestMember) =>
  (await db().selectFrom('reputation_events').select(['points', 'reason', 'post_id']).where('member_id', '=', m.id).orderBy('id').execute()).map((r) => [r.reason, r.points, r.post_id]);
const qaOf = async (m: TestMember | null, topicId: number) => {
  const reply = await (m ? m.client : server.client()).get<TopicQa>(`/api/topics/${topicId}/qa`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
};
const accept = (m: TestMember, topicId: number, postId: unknown) => m.client.put<TopicQa>(`/api/topics/${topicId}/accepted-answer`, { postId });
const vote = (m: TestMember, postId: number) => m.client.post<{ postId: number; count: number; voted: boolean }>(`/api/posts/${postId}/votes`);
const questions = async (m: TestMember | null, spaceId: number, query = '') => (m ? m.client : server.client()).get<{ items: Question[]; nextCursor: string | null }>(`/api/spaces/${spaceId}/questions${query}`);

async function askWithAnswers(title = 'How do I configure the mail server?') {
  const topic = await createTopic(asker.client, qaSpace.id, 'I tried everything in the docs.', title);
  const first = await replyTo(answerer.client, topic.id, 'Set SMTP_URL and restart.');
  const other = await replyTo(second.client, topic.id, 'Check the logs first.');
  return { topic, first, other };
}

before(async () => {
  server = await startTestServer();
  [admin, moderator, asker, answerer, second, voter] = await Promise.all([
    createMember(server, 'admin'),
    createMember(server, 'moderator'),
    createMember(server),
    createMember(server),
    createMember(server),
    createMember(server),
  ]);
  qaSpace = await createSpace(admin.client, 'public', { kind: 'qa' });
  plainSpace = await createSpace(admin.client, 'public');
  privateQa = await createSpace(admin.client, 'private', { kind: 'qa' });
});
after(() => server?.close());

describe('Q&A rules', () => {
  const facts = { kind: 'qa', topicId: 1, postNumber: 2, authorId: 5, askerId: 4 };
  test('what may be accepted and voted on', () => {
    assert.equal(acceptProblem(facts, 1), null);
    assert.equal(acceptProblem({ ...facts, kind: 'discussion' }, 1)?.code, 'not_qa_space');
    assert.equal(acceptProblem({ ...facts, postNumber: 1 }, 1)?.code, 'not_an_answer');
    assert.equal(acceptProblem(facts, 2)?.code, 'not_an_answer');
    assert.equal(voteProblem(facts, 4), null);
    assert.equal(voteProblem(facts, 5)?.code, 'own_post');
    assert.equal(voteProblem({ ...facts, postNumber: 1 }, 9)?.code, 'not_an_answer');
    assert.equal(voteProblem({ ...facts, kind: 'ideas' }, 9)?.code, 'not_qa_space');
  });
  test('who accepts, who earns, what counts as an answer', () => {
    assert.equal(mayAccept(null, 4), false);
    assert.equal(mayAccept({ memberId: 4, isStaff: false, moderatesSpace: false }, 4), true);
    assert.equal(mayAccept({ memberId: 7, isStaff: false, moderatesSpace: false }, 4), false);
    assert.equal(mayAccept({ memberId: 7, isStaff: true, moderatesSpace: false }, 4), true);
    assert.equal(mayAccept({ memberId: 7, isStaff: false, moderatesSpace: true }, 4), true);
    assert.equal(acceptEarns(5, 4), true);
    assert.equal(acceptEarns(4, 4), false);
    assert.equal(countsAsAnswer({ postNumber: 2, authorId: 5 }, 4), true);
    assert.equal(countsAsAnswer({ postNumber: 2, authorId: 4 }, 4), false);
    assert.equal(countsAsAnswer({ postNumber: 1, authorId: 5 }, 4), false);
  });
});

describe('PUT/DELETE /api/topics/{id}/accepted-answer', () => {
  test('401, 400, 403, 404, not_an_answer, not_qa_space', async () => {
    const { topic, first } = await askWithAnswers();
    const elsewhere = await askWithAnswers('Another question');
    const plain = await createTopic(asker.client, plainSpace.id, 'Just chatting');
    const plainReply = await replyTo(answerer.client, plain.id, 'hello');
    const hidden = await createTopic(admin.client, privateQa.id, 'Staff question');
    const hiddenReply = await replyTo(admin.client, hidden.id, 'Staff answer');

    assertError(await server.client().put(`/api/topics/${topic.id}/accepted-answer`, { postId: first.id }), 401, 'unauthorized');
    assertError(await accept(asker, topic.id, 'x'), 400, 'invalid_request');
    assertError(await asker.client.put(`/api/topics/${topic.id}/accepted-answer`, {}), 400, 'invalid_request');
    const key = await createApiKey(asker, 'read');
    assertError(await asker.client.put(`/api/topics/${topic.id}/accepted-answer`, { postId: first.id }, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await accept(voter, topic.id, first.id), 403, 'forbidden');
    assertError(await accept(asker, 999_999, first.id), 404, 'not_found');
    assertError(await accept(asker, topic.id, 999_999), 404, 'not_found');
    assertError(await accept(asker, hidden.id, hiddenReply.id), 404, 'not_found');
    assertError(await accept(asker, topic.id, topic.posts[0]?.id), 400, 'not_an_answer', 'postId');
    assertError(await accept(asker, topic.id, elsewhere.first.id), 400, 'not_an_answer', 'postId');
    assertError(await accept(asker, plain.id, plainReply.id), 409, 'not_qa_space');
    assertError(await asker.client.get(`/api/topics/${plain.id}/qa`), 409, 'not_qa_space');
    assertError(await asker.client.get(`/api/topics/${hidden.id}/qa`), 404, 'not_found');
    assertError(await server.client().delete(`/api/topics/${topic.id}/accepted-answer`), 401, 'unauthorized');
    assertError(await asker.client.delete(`/api/topics/${topic.id}/accepted-answer`), 404, 'not_found');
    assertError(await voter.client.delete(`/api/topics/${topic.id}/accepted-answer`), 403, 'forbidden');
    assert.deepEqual(await ledger(answerer), [], 'nothing earned by refused requests');
  });

  test('the asker accepts: shown under the question, +15 to the answerer, told; moving and taking back re-assign', async () => {
    const { topic, first, other } = await askWithAnswers('Why is my build slow?');
    const before = await qaOf(asker, topic.id);
    assert.deepEqual([before.acceptedAnswer, before.canAccept, before.askerId], [null, true, asker.id]);
    assert.equal((await qaOf(voter, topic.id)).canAccept, false);
    assert.equal((await qaOf(moderator, topic.id)).canAccept, true);
    const guest = await qaOf(null, topic.id);
    assert.deepEqual([guest.canAccept, guest.canVote, guest.myVotes], [false, false, []]);

    const accepted = await accept(asker, topic.id, first.id);
    assert.equal(accepted.status, 200, accepted.text);
    const answer = accepted.body.acceptedAnswer;
    assert.ok(answer);
    assert.deepEqual([answer.postId, answer.postNumber, answer.author.id, answer.author.username], [first.id, 2, answerer.id, answerer.username]);
    assert.match(answer.html, /Set SMTP_URL and restart/);
    assert.deepEqual(await ledger(answerer), [['answer_accepted', 15, first.id]]);
    assert.equal(await reputation(answerer), 15);
    const told = (await answerer.client.get<{ items: { type: string; title: string; notice: { url: string | null } | null }[] }>('/api/notifications?limit=50')).body.items;
    const notice = told.find((n) => n.title === 'Your answer was accepted');
    assert.equal(notice?.type, 'notice');
    assert.match(notice?.notice?.url ?? '', new RegExp(`/${topic.id}#post-2$`));

    assert.equal((await accept(asker, topic.id, first.id)).status, 200, 'accepting the same answer again changes nothing');
    assert.equal(await reputation(answerer), 15);

    assert.equal((await accept(asker, topic.id, other.id)).status, 200);
    assert.deepEqual([await reputation(answerer), await reputation(second)], [0, 15], 'the acceptance moved with its points');
    assert.equal((await qaOf(voter, topic.id)).acceptedAnswer?.postId, other.id);
    assert.deepEqual(await ledger(answerer), []);

    const removed = await asker.client.delete(`/api/topics/${topic.id}/accepted-answer`);
    assert.equal(removed.status, 204, removed.text);
    assert.equal(await reputation(second), 0);
    assert.equal((await qaOf(voter, topic.id)).acceptedAnswer, null);
    const activity = await db().selectFrom('activities').select('post_id').where('member_id', '=', asker.id).where('kind', '=', 'answer.accepted').orderBy('id').execute();
    assert.deepEqual(activity.map((a) => a.post_id), [first.id, other.id]);
  });

  test('staff accept (audited); an asker accepting their own answer earns nothing', async () => {
    const { topic, first } = await askWithAnswers('Moderated question');
    assert.equal((await accept(moderator, topic.id, first.id)).status, 200);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'action']).where('target_type', '=', 'topic').where('target_id', '=', String(topic.id)).execute();
    assert.deepEqual(audit, [{ actor_id: moderator.id, action: 'answer.accept' }]);
    assert.equal(await reputation(answerer), 15);
    assert.equal((await moderator.client.delete(`/api/topics/${topic.id}/accepted-answer`)).status, 204);
    assert.equal(await reputation(answerer), 0);

    const own = await createTopic(asker.client, qaSpace.id, 'Self answered', 'Solved it myself');
    const mine = await replyTo(asker.client, own.id, 'The fix was a missing env var.');
    const before = await reputation(asker);
    assert.equal((await accept(asker, own.id, mine.id)).body.acceptedAnswer?.postId, mine.id);
    assert.equal(await reputation(asker), before);
  });
});

describe('an answerer who can no longer see the space', () => {
  test('is not told that their answer was accepted', async () => {
    const space = await createSpace(admin.client, 'public', { kind: 'qa' });
    const topic = await createTopic(asker.client, space.id, 'Soon private', 'A question that goes private');
    const answer = await replyTo(answerer.client, topic.id, 'My answer');
    assert.equal((await admin.client.patch(`/api/spaces/${space.id}`, { visibility: 'private' })).status, 200);
    assertError(await accept(asker, topic.id, answer.id), 404, 'not_found');
    const accepted = await accept(moderator, topic.id, answer.id);
    assert.equal(accepted.status, 200, accepted.text);
    const told = (await answerer.client.get<{ items: { title: string; notice: { url: string | null } | null }[] }>('/api/notifications?limit=50')).body.items;
    assert.equal(told.some((n) => n.title === 'Your answer was accepted' && (n.notice?.url ?? '').endsWith(`/${topic.id}#post-2`)), false);
  });
});

describe('a deleted answer', () => {
  test('loses its acceptance and its points', async () => {
    const { topic, first } = await askWithAnswers('Deleted answer question');
    const start = await reputation(answerer);
    assert.equal((await accept(asker, topic.id, first.id)).status, 200);
    assert.equal((await vote(voter, first.id)).status, 201);
    assert.equal(await reputation(answerer), start + 25);
    const deleted = await answerer.client.delete(`/api/posts/${first.id}`);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal(await reputation(answerer), start);
    const after = await qaOf(voter, topic.id);
    assert.deepEqual([after.acceptedAnswer, after.votes], [null, []]);
    const questionsAfter = await questions(null, qaSpace.id, '?filter=answered');
    assert.equal(questionsAfter.body.items.some((q) => q.id === topic.id), false, 'no longer answered');

    // Staff restore it: its up-vote earns its points again (once, however often the post changes); the acceptance stays off.
    const restored = await moderator.client.post(`/api/posts/${first.id}/restore`);
    assert.equal(restored.status, 200, restored.text);
    assert.equal(await reputation(answerer), start + 10, 'the up-vote points come back');
    assert.equal((await answerer.client.patch(`/api/posts/${first.id}`, { body: 'Edited after the restore', revision: 1 })).status, 200);
    assert.equal(await reputation(answerer), start + 10, 'an edit adds nothing');
    assert.equal((await qaOf(voter, topic.id)).acceptedAnswer, null);
  });
});

describe('POST/DELETE /api/posts/{id}/votes', () => {
  test('401, 404, not_an_answer, own_post, not_qa_space, already_voted; +10 and back', async () => {
    const { topic, first } = await askWithAnswers('Votes question');
    const plain = await createTopic(asker.client, plainSpace.id, 'A discussion');
    const plainReply = await replyTo(answerer.client, plain.id, 'A reply');
    assertError(await server.client().post(`/api/posts/${first.id}/votes`), 401, 'unauthorized');
    assertError(await vote(voter, 999_999), 404, 'not_found');
    assertError(await vote(voter, topic.posts[0]?.id ?? 0), 400, 'not_an_answer');
    assertError(await vote(answerer, first.id), 400, 'own_post');
    assertError(await vote(voter, plainReply.id), 409, 'not_qa_space');
    const key = await createApiKey(voter, 'read');
    assertError(await voter.client.post(`/api/posts/${first.id}/votes`, undefined, { apiKey: key.key }), 403, 'insufficient_scope');

    const start = await reputation(answerer);
    // Open pages hear of every vote and acceptance (they read the Q&A facts again).
    const watcher = await Sse.open(server.url);
    const voted = await vote(voter, first.id);
    assert.equal(voted.status, 201, voted.text);
    assert.deepEqual((await watcher.next('qa.changed', (d) => d.topicId === topic.id)).data, { topicId: topic.id, spaceId: qaSpace.id });
    watcher.close();
    assert.deepEqual(voted.body, { postId: first.id, count: 1, voted: true });
    assertError(await vote(voter, first.id), 409, 'already_voted');
    assert.equal((await vote(asker, first.id)).body.count, 2, 'the asker may vote for an answer');
    assert.equal(await reputation(answerer), start + 20);
    const seen = await qaOf(voter, topic.id);
    assert.deepEqual([seen.votes, seen.myVotes, seen.canVote], [[{ postId: first.id, count: 2 }], [first.id], true]);

    assertError(await server.client().delete(`/api/posts/${first.id}/votes`), 401, 'unauthorized');
    const taken = await voter.client.delete<{ count: number; voted: boolean }>(`/api/posts/${first.id}/votes`);
    assert.equal(taken.status, 200, taken.text);
    assert.deepEqual([taken.body.count, taken.body.voted], [1, false]);
    assertError(await voter.client.delete(`/api/posts/${first.id}/votes`), 404, 'not_found');
    assert.equal(await reputation(answerer), start + 10);
    const entries = await db().selectFrom('reputation_events').select(['actor_id', 'points']).where('post_id', '=', first.id).where('reason', '=', 'answer_upvoted').execute();
    assert.deepEqual(entries, [{ actor_id: asker.id, points: 10 }], "only the asker's vote is left in the ledger");
  });

  test('the upvote points are a site setting', async () => {
    const { first } = await askWithAnswers('Setting question');
    const patched = await admin.client.patch('/api/admin/settings', { qaReputation: { accepted: 20, upvote: 3 } });
    assert.equal(patched.status, 200, patched.text);
    assertError(await admin.client.patch('/api/admin/settings', { qaReputation: { accepted: -1, upvote: 3 } }), 400, 'invalid_request');
    try {
      const start = await reputation(answerer);
      assert.equal((await vote(voter, first.id)).status, 201);
      assert.equal(await reputation(answerer), start + 3);
    } finally {
      await admin.client.patch('/api/admin/settings', { qaReputation: { accepted: 15, upvote: 10 } });
    }
  });
});

describe('GET /api/spaces/{id}/questions', () => {
  test('all, unanswered, answered; counts; keyset paging; 400, 404, 409', async () => {
    const space = await createSpace(admin.client, 'public', { kind: 'qa' });
    const lonely = await createTopic(asker.client, space.id, 'Nobody knows', 'Unanswered one');
    const replied = await createTopic(asker.client, space.id, 'Some know', 'Replied one');
    const answer = await replyTo(answerer.client, replied.id, 'Maybe this');
    const solved = await createTopic(asker.client, space.id, 'Solved', 'Answered one');
    const solution = await replyTo(answerer.client, solved.id, 'This');
    await vote(voter, solution.id);
    await vote(second, solution.id);
    await vote(voter, answer.id);
    assert.equal((await accept(asker, solved.id, solution.id)).status, 200);

    const all = await questions(null, space.id);
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(all.body.items.map((q) => [q.id, q.answerCount, q.voteCount, q.answered, q.acceptedPostId]), [
      [solved.id, 1, 2, true, solution.id],
      [replied.id, 1, 1, false, null],
      [lonely.id, 0, 0, false, null],
    ]);
    assert.deepEqual((await questions(null, space.id, '?filter=unanswered')).body.items.map((q) => q.id), [lonely.id]);
    assert.deepEqual((await questions(null, space.id, '?filter=answered')).body.items.map((q) => q.id), [solved.id]);

    const page1 = await questions(voter, space.id, '?limit=2');
    assert.deepEqual(page1.body.items.map((q) => q.id), [solved.id, replied.id]);
    assert.ok(page1.body.nextCursor);
    const page2 = await questions(voter, space.id, `?limit=2&cursor=${page1.body.nextCursor}`);
    assert.deepEqual([page2.body.items.map((q) => q.id), page2.body.nextCursor], [[lonely.id], null]);

    assertError(await questions(null, space.id, '?filter=open'), 400, 'invalid_request');
    assertError(await questions(null, space.id, '?cursor=nonsense'), 400, 'invalid_request', 'cursor');
    // Cursors of the right shape with values no page ever ends on: 400, never a database error.
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const key of [['2020-01-01T00:00:00Z', 1e30], ['2020-01-01T00:00:00Z', 1.5], ['+275760-09-13T00:00:00.000Z', 1]]) {
      assertError(await questions(null, space.id, `?cursor=${cursor(key)}`), 400, 'invalid_request', 'cursor');
    }
    assertError(await questions(null, plainSpace.id), 409, 'not_qa_space');
    assertError(await questions(voter, privateQa.id), 404, 'not_found');
    assert.equal((await questions(admin, privateQa.id)).status, 200);
  });
});

describe('first answers and GET /api/spaces/{id}/qa-stats', () => {
  test('the first answer from someone else is tracked once; the backfill finds missed ones', async () => {
    const topic = await createTopic(asker.client, qaSpace.id, 'Tracking', 'Track my answers');
    await replyTo(asker.client, topic.id, 'Any ideas?');
    assert.equal((await qaOf(voter, topic.id)).firstAnswerAt, null, "the asker's own reply is not an answer");
    const firstAnswer = await replyTo(answerer.client, topic.id, 'Yes');
    await replyTo(second.client, topic.id, 'Also yes');
    const row = await db().selectFrom('qa_topics').select(['first_answer_post_id', 'first_answer_at']).where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
    assert.equal(row.first_answer_post_id, firstAnswer.id);
    assert.equal((await qaOf(voter, topic.id)).firstAnswerAt, row.first_answer_at?.toISOString());

    await db().deleteFrom('qa_topics').where('topic_id', '=', topic.id).execute();
    const qa = server.runtime.services.programs.qa;
    assert.ok((await qa.backfillFirstAnswers()) >= 1);
    assert.equal(await qa.backfillFirstAnswers(), 0, 'nothing left to backfill');
    const again = await db().selectFrom('qa_topics').select('first_answer_post_id').where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
    assert.equal(again.first_answer_post_id, firstAnswer.id);
  });

  test('401, 403, 409; counts, share answered and median hours', async () => {
    const space = await createSpace(admin.client, 'public', { kind: 'qa' });
    const stats = (m: TestMember, query = '') => m.client.get<Stats>(`/api/spaces/${space.id}/qa-stats${query}`);
    const a = await createTopic(asker.client, space.id, 'one', 'Question one');
    const b = await createTopic(asker.client, space.id, 'two', 'Question two');
    await createTopic(asker.client, space.id, 'three', 'Question three');
    const answerA = await replyTo(answerer.client, a.id, 'answer a');
    await replyTo(answerer.client, b.id, 'answer b');
    await accept(asker, a.id, answerA.id);
    // Question a was asked two hours before its answer, and accepted four hours after it was asked.
    await db().updateTable('topics').set({ created_at: new Date(Date.now() - 4 * 3600_000) }).where('id', '=', a.id).execute();
    await db().updateTable('qa_topics').set({ first_answer_at: new Date(Date.now() - 2 * 3600_000) }).where('topic_id', '=', a.id).execute();

    assertError(await server.client().get(`/api/spaces/${space.id}/qa-stats`), 401, 'unauthorized');
    assertError(await voter.client.get(`/api/spaces/${space.id}/qa-stats`), 403, 'forbidden');
    assertError(await admin.client.get(`/api/spaces/${plainSpace.id}/qa-stats`), 409, 'not_qa_space');
    assertError(await stats(admin, '?days=0'), 400, 'invalid_request');
    const got = await stats(moderator);
    assert.equal(got.status, 200, got.text);
    assert.deepEqual([got.body.questions, got.body.withAnswer, got.body.answered, got.body.answeredShare], [3, 2, 1, 0.333]);
    assert.ok(got.body.medianHoursToAccepted !== null && Math.abs(got.body.medianHoursToAccepted - 4) < 0.05, String(got.body.medianHoursToAccepted));
    assert.ok(got.body.medianHoursToFirstAnswer !== null && got.body.medianHoursToFirstAnswer > 0.9 && got.body.medianHoursToFirstAnswer < 1.05, String(got.body.medianHoursToFirstAnswer));
  });
});

