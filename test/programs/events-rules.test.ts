// The events program's pure parts: the iCalendar writer (folding, escaping, UTC), time zones, links,
// where an RSVP lands and how many the open seats let in, and when reminders are due.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalTimeZone, checkEventFields, checkOnlineUrl, escapeText, foldLine, reminderDue, rsvpOutcome, seatsToFill, serializeCalendar, utcStamp } from '../../src/server/features/programs/events';

describe('iCalendar writer', () => {
  test('escapes backslash, semicolon, comma and every newline', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('plain: text'), 'plain: text', 'colons stay');
  });

  test('folds at 75 octets, continuation lines start with a space, never splits a character', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    const folded = foldLine(`SUMMARY:${'y'.repeat(200)}`);
    const lines = folded.split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(Buffer.byteLength(lines[0] ?? ''), 75);
    for (const line of lines.slice(1)) assert.ok(line.startsWith(' ') && Buffer.byteLength(line) <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'y'.repeat(200)}`);
    const wide = foldLine(`X:${'€'.repeat(40)}`); // 3 octets each
    for (const line of wide.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75);
      assert.equal(Buffer.from(line).toString('utf8'), line, 'valid UTF-8 on each line');
    }
    assert.equal(wide.replace(/\r\n /g, ''), `X:${'€'.repeat(40)}`);
    const emoji = foldLine(`X:${'😀'.repeat(30)}`);
    assert.equal(emoji.replace(/\r\n /g, ''), `X:${'😀'.repeat(30)}`, 'surrogate pairs kept whole');
  });

  test('a calendar: CRLF everywhere, UTC times, cancelled status', () => {
    assert.equal(utcStamp(new Date('2030-07-12T16:05:09.123Z')), '20300712T160509Z');
    const text = serializeCalendar({
      name: 'Meetups',
      events: [
        {
          uid: 'event-1@example.com',
          stamp: new Date('2030-01-01T00:00:00Z'),
          created: new Date('2030-01-01T00:00:00Z'),
          start: new Date('2030-07-12T18:00:00+02:00'),
          end: new Date('2030-07-12T20:00:00+02:00'),
          summary: 'A; b',
          description: '',
          location: null,
          url: 'https://example.com/events/1?a=1,2',
          cancelled: true,
          sequence: 3,
        },
      ],
    });
    assert.equal(
      text,
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hearth//Events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Meetups',
        'BEGIN:VEVENT', 'UID:event-1@example.com', 'DTSTAMP:20300101T000000Z', 'CREATED:20300101T000000Z', 'LAST-MODIFIED:20300101T000000Z', 'SEQUENCE:3',
        'DTSTART:20300712T160000Z', 'DTEND:20300712T180000Z', 'SUMMARY:A\\; b', 'URL:https://example.com/events/1?a=1,2', 'STATUS:CANCELLED', 'END:VEVENT',
        'END:VCALENDAR', '',
      ].join('\r\n'),
    );
  });
});

describe('event fields', () => {
  test('time zones: IANA names only, canonical case', () => {
    assert.equal(canonicalTimeZone('Europe/Paris'), 'Europe/Paris');
    assert.equal(canonicalTimeZone('america/new_york'), 'America/New_York');
    assert.equal(canonicalTimeZone('UTC'), 'UTC');
    for (const bad of ['Mars/Base', '+01:00', '', '../etc', 'Europe/Paris; drop']) assert.equal(canonicalTimeZone(bad), null, bad);
  });

  test('online links: http(s) only, no credentials, normalized', () => {
    assert.deepEqual(checkOnlineUrl('https://Meet.Example.com/a b'), { url: 'https://meet.example.com/a%20b' });
    assert.deepEqual(checkOnlineUrl('  '), { url: null });
    assert.deepEqual(checkOnlineUrl(null), { url: null });
    for (const bad of ['javascript:alert(1)', 'ftp://x.org', 'data:text/html,hi', 'not a url', 'https://a:b@x.org']) assert.ok('field' in checkOnlineUrl(bad), bad);
  });

  test('checkEventFields: order of times, a place or a link, patch over current values', () => {
    const base = { title: 'Call', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z', timezone: 'UTC', location: 'Here' };
    const ok = checkEventFields(base, null);
    assert.ok(!('field' in ok));
    assert.deepEqual(checkEventFields({ ...base, endsAt: '2030-01-01T09:00:00Z' }, null), { field: 'endsAt', message: 'The event ends before it starts', code: 'ends_before_start' });
    assert.equal((checkEventFields({ ...base, location: null }, null) as { field: string }).field, 'location');
    assert.equal((checkEventFields({ ...base, location: 'Line\u0000one\ntwo' }, null) as { location: string }).location, 'Line one two');
    if ('field' in ok) return;
    const patched = checkEventFields({ startsAt: '2030-01-01T10:30:00Z' }, ok);
    assert.ok(!('field' in patched) && patched.endsAt.getTime() === ok.endsAt.getTime() && patched.title === 'Call');
    assert.equal((checkEventFields({ startsAt: '2030-01-01T12:00:00Z' }, ok) as { code?: string }).code, 'ends_before_start');
  });
});

describe('RSVP and reminder decisions', () => {
  test('rsvpOutcome: going past capacity waits; going or waiting members keep their place', () => {
    const full = { capacity: 2, going: 2 };
    const room = { capacity: 2, going: 1 };
    assert.equal(rsvpOutcome(null, 'going', room), 'going');
    assert.equal(rsvpOutcome(null, 'going', full), 'waitlisted');
    assert.equal(rsvpOutcome('maybe', 'going', full), 'waitlisted');
    assert.equal(rsvpOutcome('going', 'going', full), 'going');
    assert.equal(rsvpOutcome('waitlisted', 'going', { capacity: 5, going: 0 }), 'waitlisted', 'promotion is the only way in from the line');
    assert.equal(rsvpOutcome('going', 'maybe', full), 'maybe');
    assert.equal(rsvpOutcome(null, 'going', { capacity: null, going: 10_000 }), 'going');
  });

  test('seatsToFill: open seats, never negative, unlimited takes everyone', () => {
    assert.equal(seatsToFill({ capacity: 3, going: 1 }, 5), 2);
    assert.equal(seatsToFill({ capacity: 3, going: 1 }, 1), 1);
    assert.equal(seatsToFill({ capacity: 1, going: 3 }, 4), 0);
    assert.equal(seatsToFill({ capacity: null, going: 3 }, 4), 4);
  });

  test('reminderDue: the start lies ahead, within the window', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    assert.equal(reminderDue(inHours(23), now, 24 * 3_600_000), true);
    assert.equal(reminderDue(inHours(24), now, 24 * 3_600_000), true);
    assert.equal(reminderDue(inHours(25), now, 24 * 3_600_000), false);
    assert.equal(reminderDue(inHours(-1), now, 24 * 3_600_000), false);
    assert.equal(reminderDue(inHours(0.5), now, 3_600_000), true);
  });
});
