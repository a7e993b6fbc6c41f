// AMA questions over real HTTP: asking (Markdown, limits), upvoting once, taking it back, sorting, and
// the host answering in the event topic with the question quoted and the asker told.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createEvent, hoursFromNow, noticesOf, type EventView, type QuestionView } from '../support/events';
import { assertError, createSpace, type Space, type TopicDetail } from '../discussions/helpers';

let server: TestServer;
let admin: TestMember;
let host: TestMember;
let asker: TestMember;
let voter: TestMember;
let space: Space;
let ama: EventView;

const ask = (m: TestMember, eventId: number, body: string) => m.client.post<QuestionView>(`/api/events/${eventId}/questions`, { body });
const vote = (m: TestMember, eventId: number, qid: number) => m.client.post<QuestionView>(`/api/events/${eventId}/questions/${qid}/vote`);
const list = async (m: TestMember | null, eventId: number, sort = 'votes') => (await (m ? m.client : server.client()).get<{ items: QuestionView[] }>(`/api/events/${eventId}/questions?sort=${sort}`)).body.items;

before(async () => {
  server = await startTestServer();
  [admin, host, asker, voter] = await Promise.all([createMember(server, 'admin'), createMember(server), createMember(server), createMember(server)]);
  space = await createSpace(admin.client, 'public', { kind: 'events' });
  ama = await createEvent(host.client, space.id, { title: 'Ask the maintainers', ama: true });
});
after(() => server?.close());

describe('AMA questions', () => {
  test('POST questions: 401, 400, 404 (unknown, not an AMA), 409 ended/cancelled, 201 with sanitized HTML', async () => {
    const plain = await createEvent(host.client, space.id);
    assertError(await server.client().post(`/api/events/${ama.id}/questions`, { body: 'Why?' }), 401, 'unauthorized');
    assertError(await ask(asker, ama.id, ''), 400, 'invalid_request', 'body');
    assertError(await ask(asker, ama.id, '  a  '), 400, 'invalid_request', 'body');
    assertError(await ask(asker, ama.id, 'x'.repeat(2001)), 400, 'invalid_request', 'body');
    assertError(await ask(asker, 999_999, 'Why so?'), 404, 'not_found');
    assertError(await ask(asker, plain.id, 'Why so?'), 404, 'not_found');
    assertError(await server.client().get(`/api/events/${plain.id}/questions`), 404, 'not_found');
    const over = await createEvent(host.client, space.id, { ama: true, startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-2) });
    assertError(await ask(asker, over.id, 'Too late?'), 409, 'event_ended');
    const dropped = await createEvent(host.client, space.id, { ama: true });
    await host.client.delete(`/api/events/${dropped.id}`);
    assertError(await ask(asker, dropped.id, 'Still on?'), 409, 'event_cancelled');

    const created = await ask(asker, ama.id, 'What is **next**? <img src=x onerror=alert(1)>');
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.author.id, created.body.votes, created.body.voted, created.body.answeredAt], [asker.id, 0, false, null]);
    assert.ok(created.body.html.includes('<strong>next</strong>') && !created.body.html.includes('<img'), created.body.html);
  });

  test('votes: once each (409 already_voted), taking back, sorted by votes or newest', async () => {
    const first = (await ask(asker, ama.id, 'First question here')).body;
    const second = (await ask(voter, ama.id, 'Second question here')).body;
    assertError(await server.client().post(`/api/events/${ama.id}/questions/${second.id}/vote`), 401, 'unauthorized');
    assertError(await vote(asker, ama.id, 999_999), 404, 'not_found');
    const other = await createEvent(host.client, space.id, { ama: true });
    assertError(await vote(asker, other.id, second.id), 404, 'not_found');
    const voted = await vote(asker, ama.id, second.id);
    assert.equal(voted.status, 200, voted.text);
    assert.deepEqual([voted.body.votes, voted.body.voted], [1, true]);
    assertError(await vote(asker, ama.id, second.id), 409, 'already_voted');
    assert.equal((await vote(host, ama.id, second.id)).body.votes, 2);
    const byVotes = await list(asker, ama.id);
    assert.equal(byVotes[0]?.id, second.id);
    assert.deepEqual([byVotes[0]?.votes, byVotes[0]?.voted], [2, true]);
    const guestView = await list(null, ama.id, 'new');
    assert.equal(guestView[0]?.id, second.id);
    assert.equal(guestView[1]?.id, first.id);
    assert.equal(guestView[0]?.voted, false);
    const taken = await asker.client.delete<QuestionView>(`/api/events/${ama.id}/questions/${second.id}/vote`);
    assert.deepEqual([taken.status, taken.body.votes, taken.body.voted], [200, 1, false]);
    const again = await asker.client.delete<QuestionView>(`/api/events/${ama.id}/questions/${second.id}/vote`);
    assert.deepEqual([again.status, again.body.votes], [200, 1], 'nothing to take back is fine');
    assertError(await server.client().get(`/api/events/${ama.id}/questions?sort=loud`), 400, 'invalid_request');
  });

  test('answer: 401, 403 for others, 200 for the host: a reply quoting the question in the topic; the asker is told; once', async () => {
    const question = (await ask(asker, ama.id, 'Will there be\na roadmap?')).body;
    const path = `/api/events/${ama.id}/questions/${question.id}/answer`;
    assertError(await server.client().post(path, { body: 'Yes' }), 401, 'unauthorized');
    assertError(await voter.client.post(path, { body: 'Yes' }), 403, 'forbidden');
    assertError(await host.client.post(path, { body: '' }), 400, 'invalid_request');
    assertError(await host.client.post(`/api/events/${ama.id}/questions/999999/answer`, { body: 'Yes' }), 404, 'not_found');
    const answered = await host.client.post<QuestionView>(path, { body: 'Yes, in **June**.' });
    assert.equal(answered.status, 200, answered.text);
    assert.ok(answered.body.answeredAt && answered.body.answerPostId);
    assert.match(answered.body.answerUrl ?? '', new RegExp(`^/t/[^/]+/${ama.topicId}#post-\\d+$`));
    const topic = (await voter.client.get<TopicDetail>(`/api/topics/${ama.topicId}`)).body;
    const post = topic.posts.find((p) => p.id === answered.body.answerPostId);
    assert.ok(post, 'the answer is in the topic');
    assert.equal(post.author.id, host.id);
    assert.ok(post.body.includes('> Will there be\n> a roadmap?') && post.body.includes(`@${asker.username}`) && post.body.endsWith('Yes, in **June**.'), post.body);
    assert.ok(post.html.includes('<blockquote>'));
    const told = (await noticesOf(asker.client)).filter((n) => n.title === 'Your question was answered');
    assert.equal(told.length, 1);
    assert.equal(told[0]?.notice?.url, answered.body.answerUrl);
    assertError(await admin.client.post(path, { body: 'Me too' }), 409, 'already_answered');
    const listed = (await list(null, ama.id)).find((q) => q.id === question.id);
    assert.equal(listed?.answerPostId, answered.body.answerPostId);
    // Staff may answer too.
    const other = (await ask(voter, ama.id, 'Staff answer this?')).body;
    assert.equal((await admin.client.post(`/api/events/${ama.id}/questions/${other.id}/answer`, { body: 'Sure.' })).status, 200);
  });
});
