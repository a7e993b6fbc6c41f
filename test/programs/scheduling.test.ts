// Scheduled publishing: what an item needs (rules), staff scheduling, changing and cancelling items
// (audited), and the publisher: due items published exactly once as their author through the topics
// service, announcements written, failures recorded, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/server/platform/errors';
import type { Principal } from '../../src/server/platform/http/principal';
import { failureText, payloadProblem, scheduleLimits } from '../../src/server/features/programs/articles';
import { assertError, createSpace, type Space, type TopicDetail } from '../discussions/helpers';
import type { ScheduledItem } from '../support/articles';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('scheduling rules', () => {
  test('fields by kind', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    assert.deepEqual(payloadProblem('topic', { title: 'Hello', body: 'x' }, at), { field: 'spaceId', message: 'A topic needs a spaceId' });
    assert.equal(payloadProblem('topic', { title: 'Hello', body: 'x', spaceId: 1, tags: ['a'] }, at), null);
    assert.equal(payloadProblem('article', { title: 'Hello', body: 'x', spaceId: 1, audience: 'members' }, at)?.field, 'audience');
    assert.equal(payloadProblem('topic', { title: ' a ', body: 'x', spaceId: 1 }, at)?.field, 'title');
    assert.equal(payloadProblem('announcement', { title: 'Hi', body: 'x', spaceId: 1 }, at)?.field, 'spaceId');
    assert.equal(payloadProblem('announcement', { title: 'Hi', body: 'x', endsAt: '2030-01-01T00:00:00Z' }, at)?.field, 'endsAt');
    assert.equal(payloadProblem('announcement', { title: 'Hi', body: 'x', endsAt: null, audience: 'members' }, at), null);
    assert.equal(payloadProblem('announcement', { title: '   ', body: 'x' }, at)?.field, 'title', 'a blank title would only fail when published');
    assert.equal(payloadProblem('announcement', { title: 'Hi', body: ' \n ' }, at)?.field, 'body');
    assert.equal(failureText(new AppError('forbidden', 'The author is no longer staff')), 'forbidden: The author is no longer staff');
    assert.match(failureText(new Error('secret detail')), /^internal_error: /);
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
let space: Space;
let kb: Space;

const db = () => server.runtime.ctx.database.db;
const scheduling = () => server.runtime.services.programs.articles.scheduling;
const schedule = (m: TestMember, body: Record<string, unknown>) => m.client.post<ScheduledItem>('/api/scheduled', body);
const items = async (query = '') => (await admin.client.get<{ items: ScheduledItem[] }>(`/api/scheduled${query}`)).body.items;
const item = async (id: number) => (await items()).find((i) => i.id === id);

before(async () => {
  server = await startTestServer();
  [admin, moderator, member] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server)]);
  space = await createSpace(admin.client, 'public');
  kb = await createSpace(admin.client, 'public', { kind: 'articles' });
});
after(() => server?.close());

describe('POST /api/scheduled', () => {
  test('401, 400, publish_at_past, 403, 404, not_article; 201 pending, audited', async () => {
    const topic = { kind: 'topic', publishAt: inHours(1), spaceId: space.id, title: 'Release notes', body: 'All the news' };
    assertError(await server.client().post('/api/scheduled', topic), 401, 'unauthorized');
    assertError(await schedule(moderator, { ...topic, kind: 'poll' }), 400, 'invalid_request');
    assertError(await schedule(moderator, { ...topic, publishAt: 'next week' }), 400, 'invalid_request');
    assertError(await schedule(moderator, { ...topic, spaceId: undefined }), 400, 'invalid_request', 'spaceId');
    assertError(await schedule(moderator, { ...topic, tags: ['bad tag'] }), 400, 'invalid_request');
    assertError(await schedule(moderator, { ...topic, audience: 'members' }), 400, 'invalid_request', 'audience');
    assertError(await schedule(moderator, { ...topic, publishAt: inHours(-0.01) }), 400, 'publish_at_past', 'publishAt');
    assertError(await schedule(member, topic), 403, 'forbidden');
    const key = await createApiKey(admin, 'read');
    assertError(await admin.client.post('/api/scheduled', topic, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await schedule(moderator, { ...topic, spaceId: 999_999 }), 404, 'not_found');
    assertError(await schedule(moderator, { ...topic, kind: 'article' }), 409, 'not_article');
    assertError(await schedule(moderator, { kind: 'announcement', publishAt: inHours(1), title: 'x', body: 'y', endsAt: inHours(0.5) }), 400, 'invalid_request', 'endsAt');
    assertError(await schedule(moderator, { kind: 'announcement', publishAt: inHours(1), title: '   ', body: 'y' }), 400, 'invalid_request', 'title');

    const created = await schedule(moderator, { ...topic, tags: ['release'] });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.status, created.body.kind, created.body.spaceId, created.body.tags, created.body.topicId, created.body.error], ['pending', 'topic', space.id, ['release'], null, null]);
    assert.deepEqual(created.body.author, { id: moderator.id, username: moderator.username });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'after']).where('action', '=', 'scheduled.create').where('target_id', '=', String(created.body.id)).execute();
    assert.equal(audit[0]?.actor_id, moderator.id);
    assert.equal((audit[0]?.after as { kind: string }).kind, 'topic');
    await admin.client.delete(`/api/scheduled/${created.body.id}`);
  });

  test('GET /api/scheduled: 401, 403, 400; filtered by status', async () => {
    assertError(await server.client().get('/api/scheduled'), 401, 'unauthorized');
    assertError(await member.client.get('/api/scheduled'), 403, 'forbidden');
    assertError(await admin.client.get('/api/scheduled?status=lost'), 400, 'invalid_request');
    const a = (await schedule(admin, { kind: 'announcement', publishAt: inHours(3), title: 'Listed', body: 'b' })).body;
    assert.ok((await items('?status=pending')).some((i) => i.id === a.id));
    assert.ok(!(await items('?status=published')).some((i) => i.id === a.id));
    await admin.client.delete(`/api/scheduled/${a.id}`);
    assert.ok((await items('?status=cancelled')).some((i) => i.id === a.id));
  });
});

describe('PATCH and DELETE /api/scheduled/{id}', () => {
  test('401, 400, 403, 404; change a pending item; cancel it; 409 not_pending afterwards', async () => {
    const created = (await schedule(admin, { kind: 'topic', publishAt: inHours(2), spaceId: space.id, title: 'Draft title', body: 'draft' })).body;
    const path = `/api/scheduled/${created.id}`;
    assertError(await server.client().patch(path, { title: 'New' }), 401, 'unauthorized');
    assertError(await admin.client.patch(path, {}), 400, 'invalid_request');
    assertError(await admin.client.patch(path, { publishAt: inHours(-1) }), 400, 'publish_at_past');
    assertError(await admin.client.patch(path, { spaceId: kb.id, audience: 'members' }), 400, 'invalid_request', 'audience');
    assertError(await member.client.patch(path, { title: 'New' }), 403, 'forbidden');
    assertError(await admin.client.patch('/api/scheduled/999999', { title: 'New' }), 404, 'not_found');

    const when = inHours(5);
    const changed = await moderator.client.patch<ScheduledItem>(path, { title: 'Final title', publishAt: when, tags: ['news'] });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual([changed.body.title, changed.body.body, changed.body.publishAt, changed.body.tags], ['Final title', 'draft', when, ['news']]);

    assertError(await server.client().delete(path), 401, 'unauthorized');
    assertError(await member.client.delete(path), 403, 'forbidden');
    assertError(await admin.client.delete('/api/scheduled/999999'), 404, 'not_found');
    assert.equal((await moderator.client.delete(path)).status, 204);
    assert.equal((await item(created.id))?.status, 'cancelled');
    assertError(await moderator.client.delete(path), 409, 'not_pending');
    assertError(await moderator.client.patch(path, { title: 'Too late' }), 409, 'not_pending');
    const actions = await db().selectFrom('audit_log').select('action').where('target_type', '=', 'scheduled_item').where('target_id', '=', String(created.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['scheduled.create', 'scheduled.update', 'scheduled.cancel']);
    assert.equal((await scheduling().runDue(new Date(Date.now() + 6 * HOUR))).published, 0, 'a cancelled item is never published');
  });
});

describe('publishing', () => {
  test('due items are published once, as their author: a topic, an article and an announcement; later ones wait', async () => {
    const word = `quokka${Date.now().toString(36)}`;
    const topic = (await schedule(moderator, { kind: 'topic', publishAt: inHours(1), spaceId: space.id, title: `Scheduled ${word}`, body: `Body with ${word}`, tags: ['news'] })).body;
    const article = (await schedule(admin, { kind: 'article', publishAt: inHours(1.5), spaceId: kb.id, title: 'Scheduled article', body: '## Part one\n\ntext' })).body;
    const banner = (await schedule(admin, { kind: 'announcement', publishAt: inHours(1), title: 'Scheduled banner', body: 'Hi', audience: 'members', endsAt: inHours(48) })).body;
    const waiting = (await schedule(admin, { kind: 'topic', publishAt: inHours(10), spaceId: space.id, title: 'Much later', body: 'later' })).body;

    assert.equal((await scheduling().runDue(new Date())).published, 0, 'nothing is due yet');
    const due = new Date(Date.now() + 2 * HOUR);
    const announcements = server.runtime.services.programs.articles.announcements;
    const asMember = { memberId: member.id, username: member.username, role: 'member', trustLevel: 0 } as Principal;
    assert.equal((await announcements.active(asMember, due)).items.length, 0, 'the cached answer for that minute: nothing yet');
    const [first, second] = await Promise.all([scheduling().runDue(due), scheduling().runDue(due)]);
    assert.equal((first?.published ?? 0) + (second?.published ?? 0), 3, 'each due item published by exactly one run');
    assert.equal((await scheduling().runDue(due)).published, 0);

    const published = await item(topic.id);
    assert.deepEqual([published?.status, published?.error, typeof published?.topicId, published?.publishedAt], ['published', null, 'number', due.toISOString()]);
    const shown = await member.client.get<TopicDetail>(`/api/topics/${published?.topicId ?? 0}`);
    assert.equal(shown.status, 200, shown.text);
    assert.deepEqual([shown.body.title, shown.body.author.id, shown.body.tags, shown.body.spaceId], [`Scheduled ${word}`, moderator.id, ['news'], space.id]);
    const search = await member.client.get<{ items: { topicId: number }[] }>(`/api/search?q=${word}`);
    assert.ok(search.body.items.some((h) => h.topicId === published?.topicId), 'published through the topics service: searchable');

    const art = await item(article.id);
    assert.equal(art?.status, 'published');
    const contents = await member.client.get<{ toc: { anchor: string }[] }>(`/api/articles/${art?.topicId ?? 0}`);
    assert.deepEqual(contents.body.toc.map((e) => e.anchor), ['h-part-one']);

    const ann = await item(banner.id);
    assert.equal(ann?.status, 'published');
    const staffView = (await admin.client.get<{ items: { id: number; startsAt: string; audience: string; createdBy: { id: number } }[] }>('/api/announcements')).body.items.find((a) => a.id === ann?.announcementId);
    assert.deepEqual([staffView?.startsAt, staffView?.audience, staffView?.createdBy.id], [banner.publishAt, 'members', admin.id], 'it shows from its publishing time');
    assert.ok((await announcements.active(asMember, due)).items.some((a) => a.id === ann?.announcementId && a.title === 'Scheduled banner'), 'publishing dropped the cached answer');
    assert.ok(!(await announcements.active(null, due)).items.some((a) => a.id === ann?.announcementId), 'members-only');

    assert.equal((await item(waiting.id))?.status, 'pending');
    assert.equal((await admin.client.delete(`/api/scheduled/${waiting.id}`)).status, 204);
    assertError(await admin.client.delete(`/api/scheduled/${topic.id}`), 409, 'not_pending');
  });

  test('a failure is recorded with its reason: the author is no longer staff', async () => {
    const staffer = await createMember(server, 'moderator');
    const doomed = (await schedule(staffer, { kind: 'topic', publishAt: inHours(1), spaceId: space.id, title: 'Will fail', body: 'x' })).body;
    const demoted = await admin.client.patch(`/api/admin/members/${staffer.id}`, { role: 'member' });
    assert.equal(demoted.status, 200, demoted.text);
    const report = await scheduling().runDue(new Date(Date.now() + 2 * HOUR));
    assert.deepEqual(report, { published: 0, failed: 1 });
    const failed = await item(doomed.id);
    assert.deepEqual([failed?.status, failed?.error, failed?.topicId], ['failed', 'forbidden: The author is no longer staff', null]);
    assert.ok((await items('?status=failed')).some((i) => i.id === doomed.id));
  });

  test('an item a dead run left publishing fails after 15 minutes instead of staying stuck', async () => {
    const stuck = (await schedule(admin, { kind: 'topic', publishAt: inHours(1), spaceId: space.id, title: 'Stuck item', body: 'x' })).body;
    const claimedAt = new Date(Date.now() + HOUR);
    await db().updateTable('scheduled_items').set({ status: 'publishing', updated_at: claimedAt }).where('id', '=', stuck.id).execute();
    assert.deepEqual(await scheduling().runDue(new Date(claimedAt.getTime() + 10 * 60_000)), { published: 0, failed: 0 }, 'a run may still be at work');
    assert.deepEqual(await scheduling().runDue(new Date(claimedAt.getTime() + 16 * 60_000)), { published: 0, failed: 1 });
    const failed = await item(stuck.id);
    assert.equal(failed?.status, 'failed');
    assert.match(failed?.error ?? '', /^interrupted: /);
  });

  test(`a run claims at most ${scheduleLimits.claimBatch} due items, the earliest first; the next run takes the rest`, async () => {
    const count = scheduleLimits.claimBatch + 5;
    const base = Date.now() - 10 * 60_000;
    // Items in a space that is gone fail at once, which keeps the runs quick.
    const rows = await db()
      .insertInto('scheduled_items')
      .values(Array.from({ length: count }, (_, i) => ({ kind: 'topic' as const, author_id: admin.id, publish_at: new Date(base + i * 1000), payload: JSON.stringify({ title: `Batch ${i}`, body: 'x', spaceId: 999_999 }) })))
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id);
    const first = await scheduling().runDue(new Date());
    assert.equal(first.published + first.failed, scheduleLimits.claimBatch);
    const pending = await db().selectFrom('scheduled_items').select('id').where('id', 'in', ids).where('status', '=', 'pending').orderBy('id').execute();
    assert.deepEqual(pending.map((r) => r.id), ids.slice(scheduleLimits.claimBatch), 'the latest ones wait');
    const second = await scheduling().runDue(new Date());
    assert.equal(second.published + second.failed, 5);
  });

  test('POST /api/scheduled/run: 401, 403 for moderators, 200 for admins', async () => {
    assertError(await server.client().post('/api/scheduled/run'), 401, 'unauthorized');
    assertError(await moderator.client.post('/api/scheduled/run'), 403, 'forbidden');
    const run = await admin.client.post<{ published: number; failed: number }>('/api/scheduled/run');
    assert.equal(run.status, 200, run.text);
    assert.deepEqual(run.body, { published: 0, failed: 0 });
  });
});
