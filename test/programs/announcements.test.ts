// Announcements: the window and audience rules, staff managing them (audited), what each viewer
// sees as active, and members dismissing them, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { announcementState, windowProblem } from '../../src/server/features/programs/articles';
import { assertError } from '../discussions/helpers';
import { assertInert } from '../discussions/xss';
import type { Announcement } from '../support/articles';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;

describe('announcement rules', () => {
  test('state by window; the end must follow the start', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
    assert.equal(announcementState(at(1), null, now), 'scheduled');
    assert.equal(announcementState(at(-1), null, now), 'active');
    assert.equal(announcementState(at(-1), at(1), now), 'active');
    assert.equal(announcementState(at(-2), at(0), now), 'ended');
    assert.equal(windowProblem(at(0), at(0)), 'endsAt must be after startsAt');
    assert.equal(windowProblem(at(0), null), null);
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
let other: TestMember;

type Active = { items: { id: number; title: string; html: string; audience: string }[] };
const db = () => server.runtime.ctx.database.db;
const create = (m: TestMember, body: Record<string, unknown>) => m.client.post<Announcement>('/api/announcements', body);
const activeIds = async (m: TestMember | null) => (await (m ? m.client : server.client()).get<Active>('/api/announcements/active')).body.items.map((a) => a.id);

before(async () => {
  server = await startTestServer();
  [admin, moderator, member, other] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server), createMember(server)]);
});
after(() => server?.close());

describe('POST /api/announcements', () => {
  test('401, 400, 403; 201 rendered and sanitized, audited', async () => {
    assertError(await server.client().post('/api/announcements', { title: 't', body: 'b' }), 401, 'unauthorized');
    assertError(await create(moderator, { title: '', body: 'b' }), 400, 'invalid_request');
    assertError(await create(moderator, { title: 'x', body: 'b', audience: 'staff' }), 400, 'invalid_request');
    assertError(await create(moderator, { title: 'x', body: 'b', startsAt: 'tomorrow' }), 400, 'invalid_request');
    assertError(await create(moderator, { title: '   ', body: 'b' }), 400, 'invalid_request', 'title');
    const start = new Date(Date.now() + HOUR).toISOString();
    assertError(await create(moderator, { title: 'x', body: 'b', startsAt: start, endsAt: start }), 400, 'invalid_request', 'endsAt');
    assertError(await create(member, { title: 'x', body: 'b' }), 403, 'forbidden');
    const key = await createApiKey(admin, 'read');
    assertError(await admin.client.post('/api/announcements', { title: 'x', body: 'b' }, { apiKey: key.key }), 403, 'insufficient_scope');

    const created = await create(moderator, { title: '  Maintenance tonight  ', body: '**Down** at 22:00 <script>alert(1)</script> [x](javascript:alert(1))' });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.title, created.body.audience, created.body.state, created.body.endsAt, created.body.dismissals], ['Maintenance tonight', 'everyone', 'active', null, 0]);
    assert.match(created.body.html, /<strong>Down<\/strong>/);
    assertInert(created.body.html);
    assert.deepEqual(created.body.createdBy, { id: moderator.id, username: moderator.username });
    const audit = await db().selectFrom('audit_log').select('actor_id').where('action', '=', 'announcement.create').where('target_id', '=', String(created.body.id)).execute();
    assert.deepEqual(audit, [{ actor_id: moderator.id }]);
    await admin.client.delete(`/api/announcements/${created.body.id}`);
  });
});

describe('GET /api/announcements/active and dismissing', () => {
  test('guests see those for everyone, members those for members too; not before the start nor after the end; dismissed ones go away for that member only', async () => {
    assert.deepEqual(await activeIds(null), [], 'cached: posting one must drop it');
    assert.deepEqual(await activeIds(member), []);
    const everyone = (await create(admin, { title: 'For everyone', body: 'hello all' })).body;
    const members = (await create(admin, { title: 'For members', body: 'hello members', audience: 'members' })).body;
    const later = (await create(admin, { title: 'Later', body: 'soon', startsAt: new Date(Date.now() + HOUR).toISOString() })).body;
    const past = (await create(admin, { title: 'Past', body: 'gone', startsAt: new Date(Date.now() - 2 * HOUR).toISOString(), endsAt: new Date(Date.now() - HOUR).toISOString() })).body;
    assert.deepEqual([later.state, past.state], ['scheduled', 'ended']);

    assert.deepEqual(await activeIds(null), [everyone.id]);
    assert.deepEqual((await activeIds(member)).sort(), [everyone.id, members.id].sort());

    assertError(await server.client().post(`/api/announcements/${everyone.id}/dismiss`), 401, 'unauthorized');
    assertError(await member.client.post('/api/announcements/999999/dismiss'), 404, 'not_found');
    const dismissed = await member.client.post(`/api/announcements/${everyone.id}/dismiss`);
    assert.equal(dismissed.status, 204, dismissed.text);
    assert.equal((await member.client.post(`/api/announcements/${everyone.id}/dismiss`)).status, 204, 'dismissing twice is fine');
    assert.deepEqual(await activeIds(member), [members.id]);
    assert.deepEqual((await activeIds(other)).sort(), [everyone.id, members.id].sort(), 'others still see it');
    assert.deepEqual(await activeIds(null), [everyone.id]);

    const listed = await admin.client.get<{ items: Announcement[] }>('/api/announcements');
    assert.equal(listed.status, 200, listed.text);
    const byId = new Map(listed.body.items.map((a) => [a.id, a]));
    assert.deepEqual([byId.get(everyone.id)?.dismissals, byId.get(later.id)?.state, byId.get(past.id)?.state], [1, 'scheduled', 'ended']);

    const nextHour = await server.runtime.services.programs.articles.announcements.active(null, new Date(Date.now() + 2 * HOUR));
    assert.deepEqual(nextHour.items.map((a) => a.id).sort(), [everyone.id, later.id].sort(), 'the later one starts showing at its time');
    for (const a of [everyone, members, later, past]) await admin.client.delete(`/api/announcements/${a.id}`);
    assert.deepEqual(await activeIds(null), [], 'deleted: gone from the cached answer');
  });

  test('a cached answer follows the clock: one starting later in the same minute shows from its start', async () => {
    const minute = Math.floor((Date.now() + 2 * HOUR) / 60_000) * 60_000;
    const starting = (await create(admin, { title: 'Half past', body: 'x', startsAt: new Date(minute + 30_000).toISOString() })).body;
    const active = (viewer: null, now: Date) => server.runtime.services.programs.articles.announcements.active(viewer, now);
    assert.ok(!(await active(null, new Date(minute + 10_000))).items.some((a) => a.id === starting.id), 'not yet');
    assert.ok((await active(null, new Date(minute + 40_000))).items.some((a) => a.id === starting.id), 'started');
    const ends = await admin.client.patch<Announcement>(`/api/announcements/${starting.id}`, { endsAt: new Date(minute + 50_000).toISOString() });
    assert.equal(ends.status, 200, ends.text);
    assert.ok(!(await active(null, new Date(minute + 55_000))).items.some((a) => a.id === starting.id), 'ended');
    await admin.client.delete(`/api/announcements/${starting.id}`);
  });

  test('GET /api/announcements: 401, 403 for members', async () => {
    assertError(await server.client().get('/api/announcements'), 401, 'unauthorized');
    assertError(await member.client.get('/api/announcements'), 403, 'forbidden');
  });
});

describe('PATCH and DELETE /api/announcements/{id}', () => {
  test('401, 400, 403, 404; end it now; delete it; audited', async () => {
    const a = (await create(admin, { title: 'Patch me', body: 'v1' })).body;
    const path = `/api/announcements/${a.id}`;
    assertError(await server.client().patch(path, { title: 'x' }), 401, 'unauthorized');
    assertError(await moderator.client.patch(path, {}), 400, 'invalid_request');
    assertError(await moderator.client.patch(path, { endsAt: new Date(Date.parse(a.startsAt) - HOUR).toISOString() }), 400, 'invalid_request', 'endsAt');
    assertError(await member.client.patch(path, { title: 'x' }), 403, 'forbidden');
    assertError(await moderator.client.patch('/api/announcements/999999', { title: 'x' }), 404, 'not_found');

    assert.ok((await activeIds(null)).includes(a.id));
    const changed = await moderator.client.patch<Announcement>(path, { title: 'Patched', body: '_v2_', audience: 'members' });
    assert.equal(changed.status, 200, changed.text);
    assert.ok(!(await activeIds(null)).includes(a.id), 'now for members only: the cached guests\' answer was dropped');
    assert.deepEqual([changed.body.title, changed.body.html, changed.body.audience], ['Patched', '<p><em>v2</em></p>', 'members']);
    assert.ok((await activeIds(member)).includes(a.id));
    const ended = await moderator.client.patch<Announcement>(path, { endsAt: new Date().toISOString() });
    assert.equal(ended.body.state, 'ended');
    assert.ok(!(await activeIds(member)).includes(a.id), 'ended now: no longer shown');

    assertError(await server.client().delete(path), 401, 'unauthorized');
    assertError(await member.client.delete(path), 403, 'forbidden');
    assert.equal((await moderator.client.delete(path)).status, 204);
    assertError(await moderator.client.delete(path), 404, 'not_found');
    const actions = await db().selectFrom('audit_log').select('action').where('target_type', '=', 'announcement').where('target_id', '=', String(a.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((r) => r.action), ['announcement.create', 'announcement.update', 'announcement.update', 'announcement.delete']);
  });
});
