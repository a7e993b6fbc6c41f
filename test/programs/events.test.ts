// Events over real HTTP: creating (with the topic), reading, changing and cancelling events; RSVPs with
// the FIFO waitlist (also under parallel requests for the last seat); attendees; listings; reminders
// run through the service with a given `now`; the .ics file and the space feed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createEvent, hoursFromNow, noticesOf, rsvp, type EventView } from '../support/events';
import { assertError, createSpace, type Space, type TopicDetail } from '../discussions/helpers';

const HOUR = 3_600_000;
let server: TestServer;
let admin: TestMember;
let host: TestMember;
let a: TestMember;
let b: TestMember;
let c: TestMember;
let space: Space;
let privateSpace: Space;
let readOnlySpace: Space;
let plainSpace: Space;

const db = () => server.runtime.ctx.database.db;
const reminders = () => server.runtime.services.programs.events.reminders;
const getEvent = async (m: TestMember | null, id: number) => (m ? m.client : server.client()).get<EventView>(`/api/events/${id}`);

before(async () => {
  server = await startTestServer();
  [admin, host, a, b, c] = await Promise.all([createMember(server, 'admin'), createMember(server), createMember(server), createMember(server), createMember(server)]);
  space = await createSpace(admin.client, 'public', { kind: 'events' });
  privateSpace = await createSpace(admin.client, 'private', { kind: 'events' });
  plainSpace = await createSpace(admin.client, 'public');
  readOnlySpace = await createSpace(admin.client, 'public', { kind: 'events' });
  const group = await admin.client.post<{ id: number }>('/api/groups', { name: `ev_${Date.now().toString(36)}` });
  assert.equal(group.status, 201, group.text);
  const grants = await admin.client.put(`/api/spaces/${readOnlySpace.id}/permissions`, { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] });
  assert.equal(grants.status, 200, grants.text);
});
after(() => server?.close());

describe('POST /api/events', () => {
  test('401, 400 (schema, ends_before_start, timezone, link, place, kind), 403, 404', async () => {
    const body = { spaceId: space.id, title: 'Launch party', startsAt: hoursFromNow(5), endsAt: hoursFromNow(6), timezone: 'Europe/Paris', location: 'Town hall' };
    assertError(await server.client().post('/api/events', body), 401, 'unauthorized');
    assertError(await host.client.post('/api/events', { ...body, title: undefined }), 400, 'invalid_request');
    assertError(await host.client.post('/api/events', { ...body, capacity: 0 }), 400, 'invalid_request', 'capacity');
    assertError(await host.client.post('/api/events', { ...body, endsAt: hoursFromNow(4) }), 400, 'ends_before_start', 'endsAt');
    assertError(await host.client.post('/api/events', { ...body, endsAt: body.startsAt }), 400, 'ends_before_start', 'endsAt');
    assertError(await host.client.post('/api/events', { ...body, timezone: 'Mars/Olympus_Mons' }), 400, 'invalid_request', 'timezone');
    assertError(await host.client.post('/api/events', { ...body, timezone: '+01:00' }), 400, 'invalid_request', 'timezone');
    assertError(await host.client.post('/api/events', { ...body, onlineUrl: 'javascript:alert(1)' }), 400, 'invalid_request', 'onlineUrl');
    assertError(await host.client.post('/api/events', { ...body, onlineUrl: 'https://u:p@example.com/' }), 400, 'invalid_request', 'onlineUrl');
    assertError(await host.client.post('/api/events', { ...body, location: '   ' }), 400, 'invalid_request', 'location');
    assertError(await host.client.post('/api/events', { ...body, title: '  x ' }), 400, 'invalid_request', 'title');
    assertError(await host.client.post('/api/events', { ...body, spaceId: plainSpace.id }), 400, 'invalid_request', 'spaceId');
    assertError(await host.client.post('/api/events', { ...body, spaceId: readOnlySpace.id }), 403, 'forbidden');
    assertError(await host.client.post('/api/events', { ...body, spaceId: privateSpace.id }), 404, 'not_found');
    assertError(await host.client.post('/api/events', { ...body, spaceId: 999_999 }), 404, 'not_found');
    const key = await createApiKey(host, 'read');
    assertError(await host.client.post('/api/events', body, { apiKey: key.key }), 403, 'insufficient_scope');
    assert.equal(await db().selectFrom('events').select('id').where('title', '=', 'Launch party').executeTakeFirst(), undefined, 'nothing was written');
  });

  test('201: a member creates an event and its topic; Markdown sanitized; time zone canonical', async () => {
    const event = await createEvent(host.client, space.id, { title: 'Meetup, Paris; 2030', description: 'Hi <script>alert(1)</script> **bold**', timezone: 'europe/paris', location: 'Café, 1st floor', capacity: 10 });
    assert.equal(event.timezone, 'Europe/Paris');
    assert.equal(event.creator.id, host.id);
    assert.equal(event.canEdit, true);
    assert.deepEqual([event.capacity, event.ama, event.cancelledAt, event.rsvp, event.url], [10, false, null, null, `/events/${event.id}`]);
    assert.ok(event.descriptionHtml.includes('<strong>bold</strong>') && !event.descriptionHtml.includes('<script'), event.descriptionHtml);
    assert.ok(event.topicId);
    const topic = await host.client.get<TopicDetail>(`/api/topics/${event.topicId}`);
    assert.equal(topic.status, 200);
    assert.equal(topic.body.spaceId, space.id);
    assert.equal(topic.body.title, 'Meetup, Paris; 2030');
    assert.ok(topic.body.posts[0]?.body.includes(`/events/${event.id}`), topic.body.posts[0]?.body);
    const byTopic = await a.client.get<EventView>(`/api/topics/${event.topicId}/event`);
    assert.equal(byTopic.body.id, event.id);
    assertError(await a.client.get('/api/topics/999999/event'), 404, 'not_found');
    const activity = await db().selectFrom('activities').select(['kind', 'topic_id']).where('member_id', '=', host.id).where('kind', '=', 'event.created').execute();
    assert.deepEqual(activity, [{ kind: 'event.created', topic_id: event.topicId }]);
  });
});

describe('GET /api/events/{id}', () => {
  test('guests read public events; private ones are 404 for non-members; unknown 404', async () => {
    const open = await createEvent(host.client, space.id);
    const hidden = await createEvent(admin.client, privateSpace.id);
    const guest = await getEvent(null, open.id);
    assert.equal(guest.status, 200);
    assert.deepEqual([guest.body.rsvp, guest.body.canEdit, guest.body.counts], [null, false, { going: 0, maybe: 0, waitlisted: 0 }]);
    assertError(await getEvent(null, hidden.id), 404, 'not_found');
    assertError(await getEvent(a, hidden.id), 404, 'not_found');
    assertError(await a.client.get(`/api/topics/${hidden.topicId}/event`), 404, 'not_found');
    assert.equal((await getEvent(admin, hidden.id)).status, 200);
    assertError(await getEvent(a, 999_999), 404, 'not_found');
  });
});

describe('PUT /api/events/{id}/rsvp', () => {
  test('401, 400, 404; going past capacity waits in line; leaving promotes the first in line, who is told', async () => {
    const event = await createEvent(host.client, space.id, { capacity: 1 });
    assertError(await server.client().put(`/api/events/${event.id}/rsvp`, { status: 'going' }), 401, 'unauthorized');
    assertError(await a.client.put(`/api/events/${event.id}/rsvp`, { status: 'waitlisted' }), 400, 'invalid_request');
    assertError(await a.client.put('/api/events/999999/rsvp', { status: 'going' }), 404, 'not_found');

    assert.deepEqual(await rsvp(a.client, event.id, 'going'), { eventId: event.id, status: 'going', waitlistPosition: null, counts: { going: 1, maybe: 0, waitlisted: 0 } });
    const bWaits = await rsvp(b.client, event.id, 'going');
    assert.deepEqual([bWaits.status, bWaits.waitlistPosition], ['waitlisted', 1], 'past capacity: 200 with the position, not an error');
    const cWaits = await rsvp(c.client, event.id, 'going');
    assert.deepEqual([cWaits.status, cWaits.waitlistPosition, cWaits.counts], ['waitlisted', 2, { going: 1, maybe: 0, waitlisted: 2 }]);
    const again = await rsvp(b.client, event.id, 'going');
    assert.deepEqual([again.status, again.waitlistPosition], ['waitlisted', 1], 'asking again keeps the place in line');
    const seenByB = (await getEvent(b, event.id)).body;
    assert.deepEqual([seenByB.rsvp, seenByB.waitlistPosition], ['waitlisted', 1]);

    const left = await rsvp(a.client, event.id, 'not_going');
    assert.deepEqual([left.status, left.counts], ['not_going', { going: 1, maybe: 0, waitlisted: 1 }]);
    const promoted = (await getEvent(b, event.id)).body;
    assert.deepEqual([promoted.rsvp, promoted.waitlistPosition], ['going', null], 'b was promoted');
    assert.deepEqual([(await getEvent(c, event.id)).body.waitlistPosition], [1], 'c moved up');
    const told = (await noticesOf(b.client)).filter((n) => n.notice?.url === `/events/${event.id}`);
    assert.equal(told.length, 1);
    assert.match(told[0]?.notice?.text ?? '', /now going/);

    assert.equal((await rsvp(a.client, event.id, 'going')).status, 'waitlisted', 'back of the line');
    assert.equal((await rsvp(a.client, event.id, 'maybe')).status, 'maybe');
    assert.deepEqual((await getEvent(null, event.id)).body.counts, { going: 1, maybe: 1, waitlisted: 1 });
    assert.equal((await rsvp(c.client, event.id, 'not_going')).waitlistPosition, null, 'leaving the line');
    const activity = await db().selectFrom('activities').select(['props']).where('member_id', '=', b.id).where('kind', '=', 'event.rsvp').orderBy('id').execute();
    assert.deepEqual(activity.map((r) => (r.props as { status: string }).status), ['waitlisted', 'waitlisted']);
  });

  test('parallel RSVPs for the last seat: one goes, the rest wait in distinct places', async () => {
    const event = await createEvent(host.client, space.id, { capacity: 2 });
    await rsvp(host.client, event.id, 'going');
    const crowd = await Promise.all(Array.from({ length: 6 }, () => createMember(server)));
    const answers = await Promise.all(crowd.map((m) => rsvp(m.client, event.id, 'going')));
    assert.equal(answers.filter((r) => r.status === 'going').length, 1, JSON.stringify(answers));
    assert.deepEqual(answers.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition).sort(), [1, 2, 3, 4, 5]);
    assert.deepEqual((await getEvent(null, event.id)).body.counts, { going: 2, maybe: 0, waitlisted: 5 });
    // Two seats open at once: the first two in line move up, in order.
    const first = crowd[answers.findIndex((r) => r.waitlistPosition === 1)];
    const second = crowd[answers.findIndex((r) => r.waitlistPosition === 2)];
    const goer = crowd[answers.findIndex((r) => r.status === 'going')];
    assert.ok(first && second && goer);
    await Promise.all([rsvp(host.client, event.id, 'maybe'), rsvp(goer.client, event.id, 'not_going')]);
    assert.deepEqual([(await getEvent(first, event.id)).body.rsvp, (await getEvent(second, event.id)).body.rsvp], ['going', 'going']);
    assert.deepEqual((await getEvent(null, event.id)).body.counts, { going: 2, maybe: 1, waitlisted: 3 });
  });

  test('409 event_ended and event_cancelled', async () => {
    const past = await createEvent(host.client, space.id, { startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-4) });
    assertError(await a.client.put(`/api/events/${past.id}/rsvp`, { status: 'going' }), 409, 'event_ended');
    const gone = await createEvent(host.client, space.id);
    assert.equal((await host.client.delete(`/api/events/${gone.id}`)).status, 200);
    assertError(await a.client.put(`/api/events/${gone.id}/rsvp`, { status: 'going' }), 409, 'event_cancelled');
  });
});

describe('PATCH and DELETE /api/events/{id}', () => {
  test('401, 403, 404, 400; more seats promote; a new time is told and re-arms reminders; staff edits audited', async () => {
    const event = await createEvent(host.client, space.id, { capacity: 1, startsAt: hoursFromNow(10), endsAt: hoursFromNow(11) });
    await rsvp(a.client, event.id, 'going');
    await rsvp(b.client, event.id, 'going');
    assertError(await server.client().patch(`/api/events/${event.id}`, { capacity: 2 }), 401, 'unauthorized');
    assertError(await a.client.patch(`/api/events/${event.id}`, { capacity: 2 }), 403, 'forbidden');
    assertError(await host.client.patch('/api/events/999999', { capacity: 2 }), 404, 'not_found');
    assertError(await host.client.patch(`/api/events/${event.id}`, {}), 400, 'invalid_request');
    assertError(await host.client.patch(`/api/events/${event.id}`, { endsAt: hoursFromNow(9) }), 400, 'ends_before_start');
    assertError(await host.client.patch(`/api/events/${event.id}`, { onlineUrl: null }), 400, 'invalid_request', 'location');

    const grown = await host.client.patch<EventView>(`/api/events/${event.id}`, { capacity: 3 });
    assert.equal(grown.status, 200, grown.text);
    assert.deepEqual(grown.body.counts, { going: 2, maybe: 0, waitlisted: 0 });
    assert.equal((await getEvent(b, event.id)).body.rsvp, 'going');

    await reminders().run(new Date());
    assert.ok((await db().selectFrom('events').select('reminded_24h_at').where('id', '=', event.id).executeTakeFirstOrThrow()).reminded_24h_at);
    const before = (await noticesOf(a.client)).length;
    const moved = await admin.client.patch<EventView>(`/api/events/${event.id}`, { startsAt: hoursFromNow(30), endsAt: hoursFromNow(31), location: 'Library' });
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual([moved.body.location, moved.body.canEdit], ['Library', true]);
    const row = await db().selectFrom('events').select(['reminded_24h_at', 'reminded_1h_at', 'sequence']).where('id', '=', event.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.reminded_24h_at, row.reminded_1h_at], [null, null], 'reminders re-armed');
    const aNotices = await noticesOf(a.client);
    assert.equal(aNotices.length, before + 1);
    assert.match(aNotices[0]?.notice?.text ?? '', /Library/);
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('target_type', '=', 'event').where('target_id', '=', String(event.id)).execute();
    assert.deepEqual(audit, [{ action: 'event.update', actor_id: admin.id }], 'only the staff edit is audited');
  });

  test('DELETE cancels: 401, 403, 200, attendees told, 409 twice; the event stays readable', async () => {
    const event = await createEvent(host.client, space.id);
    await rsvp(c.client, event.id, 'maybe');
    assertError(await server.client().delete(`/api/events/${event.id}`), 401, 'unauthorized');
    assertError(await a.client.delete(`/api/events/${event.id}`), 403, 'forbidden');
    assertError(await host.client.delete('/api/events/999999'), 404, 'not_found');
    const cancelled = await host.client.delete<EventView>(`/api/events/${event.id}`);
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.ok(cancelled.body.cancelledAt);
    assert.equal((await noticesOf(c.client)).filter((n) => n.title === 'An event was cancelled' && n.notice?.url === `/events/${event.id}`).length, 1);
    assertError(await host.client.delete(`/api/events/${event.id}`), 409, 'event_cancelled');
    assertError(await host.client.patch(`/api/events/${event.id}`, { title: 'Revived' }), 409, 'event_cancelled');
    assert.ok((await getEvent(null, event.id)).body.cancelledAt);
  });
});

describe('GET /api/spaces/{id}/events and /api/events/{id}/attendees', () => {
  test('upcoming soonest first, past latest first, paged; private 404', async () => {
    const listSpace = await createSpace(admin.client, 'public', { kind: 'events' });
    const soon = await createEvent(admin.client, listSpace.id, { title: 'Soon', startsAt: hoursFromNow(1), endsAt: hoursFromNow(2) });
    const later = await createEvent(admin.client, listSpace.id, { title: 'Later', startsAt: hoursFromNow(20), endsAt: hoursFromNow(21) });
    const running = await createEvent(admin.client, listSpace.id, { title: 'Running', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) });
    const old = await createEvent(admin.client, listSpace.id, { title: 'Old', startsAt: hoursFromNow(-50), endsAt: hoursFromNow(-49) });
    const older = await createEvent(admin.client, listSpace.id, { title: 'Older', startsAt: hoursFromNow(-90), endsAt: hoursFromNow(-89) });
    const upcoming = await server.client().get<{ items: EventView[]; nextCursor: string | null }>(`/api/spaces/${listSpace.id}/events`);
    assert.deepEqual(upcoming.body.items.map((e) => e.id), [running.id, soon.id, later.id]);
    const past = await server.client().get<{ items: EventView[] }>(`/api/spaces/${listSpace.id}/events?when=past`);
    assert.deepEqual(past.body.items.map((e) => e.id), [old.id, older.id]);
    const page1 = await server.client().get<{ items: EventView[]; nextCursor: string | null }>(`/api/spaces/${listSpace.id}/events?limit=2`);
    assert.deepEqual(page1.body.items.map((e) => e.id), [running.id, soon.id]);
    assert.ok(page1.body.nextCursor);
    const page2 = await server.client().get<{ items: EventView[]; nextCursor: string | null }>(`/api/spaces/${listSpace.id}/events?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor ?? '')}`);
    assert.deepEqual([page2.body.items.map((e) => e.id), page2.body.nextCursor], [[later.id], null]);
    assertError(await server.client().get(`/api/spaces/${listSpace.id}/events?when=soon`), 400, 'invalid_request');
    assertError(await a.client.get(`/api/spaces/${privateSpace.id}/events`), 404, 'not_found');
    assert.equal((await admin.client.get(`/api/spaces/${privateSpace.id}/events`)).status, 200);
  });

  test('members see going and maybe; the host sees the line and who is not going', async () => {
    const event = await createEvent(host.client, space.id, { capacity: 1 });
    await rsvp(a.client, event.id, 'going');
    await rsvp(b.client, event.id, 'going');
    await rsvp(c.client, event.id, 'not_going');
    await rsvp(admin.client, event.id, 'maybe');
    type Attendees = { complete: boolean; items: { member: { id: number }; status: string; waitlistPosition: number | null }[] };
    assertError(await server.client().get(`/api/events/${event.id}/attendees`), 401, 'unauthorized');
    const seen = await c.client.get<Attendees>(`/api/events/${event.id}/attendees`);
    assert.deepEqual([seen.body.complete, seen.body.items.map((i) => [i.member.id, i.status])], [false, [[a.id, 'going'], [admin.id, 'maybe']]]);
    const all = await host.client.get<Attendees>(`/api/events/${event.id}/attendees`);
    assert.deepEqual(
      [all.body.complete, all.body.items.map((i) => [i.member.id, i.status, i.waitlistPosition])],
      [true, [[a.id, 'going', null], [admin.id, 'maybe', null], [b.id, 'waitlisted', 1], [c.id, 'not_going', null]]],
    );
  });
});

describe('reminders', () => {
  test('24 h and 1 h before, to going and maybe, exactly once per window; cancelled events get none', async () => {
    const remindSpace = await createSpace(admin.client, 'public', { kind: 'events' });
    const now = new Date();
    const event = await createEvent(host.client, remindSpace.id, { title: 'Reminded', startsAt: new Date(now.getTime() + 23 * HOUR).toISOString(), endsAt: new Date(now.getTime() + 24 * HOUR).toISOString() });
    const close = await createEvent(host.client, remindSpace.id, { title: 'Close', startsAt: new Date(now.getTime() + 0.5 * HOUR).toISOString(), endsAt: new Date(now.getTime() + 2 * HOUR).toISOString() });
    const dropped = await createEvent(host.client, remindSpace.id, { title: 'Dropped', startsAt: new Date(now.getTime() + 2 * HOUR).toISOString(), endsAt: new Date(now.getTime() + 3 * HOUR).toISOString() });
    const [going, maybe, no] = await Promise.all([createMember(server), createMember(server), createMember(server)]);
    for (const e of [event, close, dropped]) {
      await rsvp(going.client, e.id, 'going');
      await rsvp(maybe.client, e.id, 'maybe');
      await rsvp(no.client, e.id, 'not_going');
    }
    assert.equal((await host.client.delete(`/api/events/${dropped.id}`)).status, 200);
    const remindersOf = async (m: TestMember, id: number) => (await noticesOf(m.client)).filter((n) => n.title === 'Event reminder' && n.notice?.url === `/events/${id}`);

    // At `now`: 24 h reminder for "Reminded", only the 1 h one for "Close".
    await reminders().run(now);
    assert.equal((await remindersOf(going, event.id)).length, 1);
    assert.equal((await remindersOf(maybe, event.id)).length, 1);
    assert.equal((await remindersOf(no, event.id)).length, 0);
    const closeNotes = await remindersOf(going, close.id);
    assert.equal(closeNotes.length, 1);
    assert.match(closeNotes[0]?.notice?.text ?? '', /in about an hour/);
    assert.equal((await remindersOf(going, dropped.id)).length, 0, 'cancelled');
    const rerun = await Promise.all([reminders().run(now), reminders().run(now)]);
    assert.equal((await remindersOf(going, event.id)).length, 1, `not twice: ${JSON.stringify(rerun)}`);
    // 22.5 hours later: the 1 h reminder for "Reminded", once.
    const later = new Date(now.getTime() + 22.5 * HOUR);
    await reminders().run(later);
    await reminders().run(later);
    const notes = await remindersOf(maybe, event.id);
    assert.equal(notes.length, 2);
    assert.match(notes[0]?.notice?.text ?? '', /in about an hour/);
    await reminders().run(new Date(now.getTime() + 23.5 * HOUR));
    assert.equal((await remindersOf(maybe, event.id)).length, 2, 'started: nothing more');
  });
});

describe('calendars', () => {
  test('GET /api/events/{id}.ics: RFC 5545 text, folded, escaped, UTC times; private 404', async () => {
    const event = await createEvent(host.client, space.id, { title: 'Dinner, drinks; and \\ talk', description: `Line one\nLine two ${'é'.repeat(60)}`, location: 'Rue de Rivoli, Paris', startsAt: '2031-03-05T18:30:00+01:00', endsAt: '2031-03-05T21:00:00+01:00' });
    const reply = await server.client().get(`/api/events/${event.id}.ics`);
    assert.equal(reply.status, 200, reply.text);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(reply.headers.get('content-disposition') ?? '', /attachment; filename="event-\d+\.ics"/);
    const text = reply.text;
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n') && text.endsWith('END:VCALENDAR\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'every line ends with CRLF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `too long: ${line}`);
    const unfolded = text.replace(/\r\n /g, '');
    assert.ok(unfolded.includes('SUMMARY:Dinner\\, drinks\\; and \\\\ talk'), unfolded);
    assert.ok(unfolded.includes(`DESCRIPTION:Line one\\nLine two ${'é'.repeat(60)}`), 'folded between characters, never inside one');
    assert.ok(unfolded.includes('DTSTART:20310305T173000Z') && unfolded.includes('DTEND:20310305T200000Z'));
    assert.ok(unfolded.includes('LOCATION:Rue de Rivoli\\, Paris'));
    assert.match(unfolded, new RegExp(`UID:event-${event.id}@[^\\r]+\\r\\n`));
    assert.match(unfolded, /DTSTAMP:\d{8}T\d{6}Z/);
    assert.ok(unfolded.includes(`URL:${server.runtime.ctx.config.publicUrl}/events/${event.id}`));
    assert.ok(unfolded.includes('STATUS:CONFIRMED'));
    const again = (await server.client().get(`/api/events/${event.id}.ics`)).text;
    assert.equal(again.match(/UID:[^\r]+/)?.[0], text.match(/UID:[^\r]+/)?.[0], 'stable UID');
    await host.client.delete(`/api/events/${event.id}`);
    const cancelled = (await server.client().get(`/api/events/${event.id}.ics`)).text;
    assert.ok(cancelled.includes('STATUS:CANCELLED') && cancelled.includes('SEQUENCE:1'));
    const hidden = await createEvent(admin.client, privateSpace.id);
    assert.equal((await server.client().get(`/api/events/${hidden.id}.ics`)).status, 404);
    assert.equal((await server.client().get('/api/events/999999.ics')).status, 404);
  });

  test('GET /api/spaces/{id}/events.ics: the space feed for guests; private 404', async () => {
    const feedSpace = await createSpace(admin.client, 'public', { kind: 'events' });
    const one = await createEvent(admin.client, feedSpace.id, { title: 'First' });
    const two = await createEvent(admin.client, feedSpace.id, { title: 'Second' });
    const feed = await server.client().get(`/api/spaces/${feedSpace.id}/events.ics`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.equal(feed.text.match(/BEGIN:VEVENT/g)?.length, 2);
    assert.ok(feed.text.includes(`UID:event-${one.id}@`) && feed.text.includes(`UID:event-${two.id}@`));
    assert.ok(feed.text.includes(`X-WR-CALNAME:${feedSpace.name}`));
    assert.equal((await server.client().get(`/api/spaces/${privateSpace.id}/events.ics`)).status, 404);
    assert.equal((await server.client().get('/api/spaces/999999/events.ics')).status, 404);
  });
});

describe('review fixes', () => {
  test('an event whose topic moderation holds is seen by its host and staff only: not read, listed, in the feed or answered', async () => {
    const heldSpace = await createSpace(admin.client, 'public', { kind: 'events' });
    assert.equal((await admin.client.patch('/api/admin/settings', { reviewFirstPosts: true })).status, 200);
    let held: EventView;
    try {
      const newcomer = await createMember(server);
      held = await createEvent(newcomer.client, heldSpace.id, { title: 'Held gathering' });
      assert.equal((await getEvent(newcomer, held.id)).status, 200, 'the host still sees it');
    } finally {
      await admin.client.patch('/api/admin/settings', { reviewFirstPosts: false });
    }
    assertError(await getEvent(a, held.id), 404, 'not_found');
    assertError(await getEvent(null, held.id), 404, 'not_found');
    assertError(await a.client.put(`/api/events/${held.id}/rsvp`, { status: 'going' }), 404, 'not_found');
    assertError(await server.client().get(`/api/events/${held.id}.ics`), 404, 'not_found');
    const list = await a.client.get<{ items: EventView[] }>(`/api/spaces/${heldSpace.id}/events`);
    assert.deepEqual(list.body.items.map((e) => e.id), []);
    assert.deepEqual((await admin.client.get<{ items: EventView[] }>(`/api/spaces/${heldSpace.id}/events`)).body.items.map((e) => e.id), [held.id], 'staff see it to review it');
    const feed = await server.client().get(`/api/spaces/${heldSpace.id}/events.ics`);
    assert.equal(feed.status, 200);
    assert.ok(!feed.text.includes('Held gathering'));
  });

  test('cancelling a private event tells only the members who still see its space', async () => {
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: `evin_${Date.now().toString(36)}` });
    assert.equal(group.status, 201, group.text);
    const [insider, leaver] = await Promise.all([createMember(server), createMember(server)]);
    for (const m of [insider, leaver]) assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: m.username })).status, 204);
    const inner = await createSpace(admin.client, 'private', { kind: 'events' });
    assert.equal((await admin.client.put(`/api/spaces/${inner.id}/permissions`, { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] })).status, 200);
    const event = await createEvent(admin.client, inner.id, { title: 'Private soiree' });
    await rsvp(insider.client, event.id, 'going');
    await rsvp(leaver.client, event.id, 'going');
    assert.equal((await admin.client.delete(`/api/groups/${group.body.id}/members/${leaver.id}`)).status, 204);
    assert.equal((await admin.client.delete(`/api/events/${event.id}`)).status, 200);
    const cancelled = (n: { title: string; notice?: { url: string | null } | null }) => n.title === 'An event was cancelled' && n.notice?.url === `/events/${event.id}`;
    assert.equal((await noticesOf(insider.client)).filter(cancelled).length, 1);
    assert.equal((await noticesOf(leaver.client)).filter(cancelled).length, 0);
  });
});
