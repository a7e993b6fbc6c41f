// Quick reminder times for a bookmark, as forums offer them: later today, tomorrow morning, this weekend
// and next week, in the member's own time zone. Plain functions of "now", so they are tested without a browser.

export interface ReminderPreset {
  key: 'later-today' | 'tomorrow' | 'weekend' | 'next-week';
  label: string;
  at: Date;
}

/** Mornings start at 08:00 local time. */
const MORNING_HOUR = 8;
const HOUR = 60 * 60 * 1000;

function morningOf(day: Date, daysAhead: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + daysAhead, MORNING_HOUR, 0, 0, 0);
}

/** Days from `now` to the next given weekday (0 Sunday … 6 Saturday), never today. */
function daysUntil(now: Date, weekday: number): number {
  const ahead = (weekday - now.getDay() + 7) % 7;
  return ahead === 0 ? 7 : ahead;
}

/**
 * The presets that make sense at `now`: "later today" (three hours on, rounded up to the hour) only while
 * that is still today; "this weekend" (Saturday morning) only from Monday to Thursday, when it is not
 * already as close as tomorrow; "next week" (Monday morning) unless that is tomorrow.
 */
export function reminderPresets(now: Date): ReminderPreset[] {
  const presets: ReminderPreset[] = [];
  const later = new Date(now.getTime() + 3 * HOUR);
  if (later.getMinutes() > 0 || later.getSeconds() > 0 || later.getMilliseconds() > 0) later.setHours(later.getHours() + 1, 0, 0, 0);
  if (later.getDate() === now.getDate() && later.getMonth() === now.getMonth()) presets.push({ key: 'later-today', label: 'Later today', at: later });
  presets.push({ key: 'tomorrow', label: 'Tomorrow morning', at: morningOf(now, 1) });
  const weekday = now.getDay();
  if (weekday >= 1 && weekday <= 4) presets.push({ key: 'weekend', label: 'This weekend', at: morningOf(now, daysUntil(now, 6)) });
  const monday = daysUntil(now, 1);
  if (monday > 1) presets.push({ key: 'next-week', label: 'Next week', at: morningOf(now, monday) });
  return presets;
}

/** A time as the value of an `<input type="datetime-local">`, in the browser's zone. */
export function toLocalInput(at: Date | string | null): string {
  if (at === null || at === '') return '';
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
