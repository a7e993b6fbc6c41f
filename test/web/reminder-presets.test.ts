// The bookmark form's quick reminder times, at chosen moments of the week (local time, as the browser has it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reminderPresets, toLocalInput } from '../../src/web/features/bookmarks/reminder-presets';

/** Each preset as "key local-time", for comparison. */
const shown = (now: Date) => reminderPresets(now).map((p) => `${p.key} ${toLocalInput(p.at)}`);

describe('bookmark reminder presets', () => {
  test('a Wednesday morning: later today, tomorrow, Saturday and Monday, each at 08:00 but the first', () => {
    // 2030-01-02 is a Wednesday.
    assert.deepEqual(shown(new Date(2030, 0, 2, 9, 15)), ['later-today 2030-01-02T13:00', 'tomorrow 2030-01-03T08:00', 'weekend 2030-01-05T08:00', 'next-week 2030-01-07T08:00']);
  });

  test('"later today" is three hours on, rounded up to the hour, and only while that is still today', () => {
    assert.equal(toLocalInput(reminderPresets(new Date(2030, 0, 2, 10, 0))[0]?.at ?? null), '2030-01-02T13:00');
    assert.equal(toLocalInput(reminderPresets(new Date(2030, 0, 2, 10, 0, 1))[0]?.at ?? null), '2030-01-02T14:00');
    assert.deepEqual(shown(new Date(2030, 0, 2, 21, 5)).map((line) => line.split(' ')[0]), ['tomorrow', 'weekend', 'next-week']);
  });

  test('Friday offers no weekend (Saturday is tomorrow); Sunday offers no "next week" (Monday is tomorrow)', () => {
    assert.deepEqual(shown(new Date(2030, 0, 4, 8, 0)), ['later-today 2030-01-04T11:00', 'tomorrow 2030-01-05T08:00', 'next-week 2030-01-07T08:00']);
    assert.deepEqual(shown(new Date(2030, 0, 6, 8, 0)), ['later-today 2030-01-06T11:00', 'tomorrow 2030-01-07T08:00']);
  });

  test('on a Monday, "next week" is the Monday after, across a month end', () => {
    const presets = shown(new Date(2030, 8, 30, 12, 0));
    assert.deepEqual(presets, ['later-today 2030-09-30T15:00', 'tomorrow 2030-10-01T08:00', 'weekend 2030-10-05T08:00', 'next-week 2030-10-07T08:00']);
  });

  test('toLocalInput: empty for none or a bad date, minutes for a time', () => {
    assert.equal(toLocalInput(null), '');
    assert.equal(toLocalInput('not a date'), '');
    assert.equal(toLocalInput(new Date(2030, 0, 2, 7, 5, 30)), '2030-01-02T07:05');
  });
});
