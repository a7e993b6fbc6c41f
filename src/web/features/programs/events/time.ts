// Event times: shown in the viewer's own time zone with the event's zone named, and typed into forms as
// wall-clock times in the event's zone (converted to UTC without a date library).

/** The browser's time zone, e.g. Europe/Paris. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the browser knows, with the viewer's own and UTC sure to be among them. */
export function timeZoneNames(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([viewerTimeZone(), 'UTC', ...known])].sort();
}

const viewerFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatLocal(iso: string): string {
  return viewerFormat.format(new Date(iso));
}

/** "18:00 in Europe/Paris", or the full date there when the day differs from the viewer's. */
export function formatInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const text = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${text} ${timeZone}`;
}

/** The start and end as the viewer reads them, naming the event's zone when it is not theirs. */
export function describeTimes(event: { startsAt: string; endsAt: string; timezone: string }): { local: string; zoned: string | null } {
  const local = `${formatLocal(event.startsAt)} – ${formatLocal(event.endsAt)} (your time)`;
  return { local, zoned: event.timezone === viewerTimeZone() ? `Time zone: ${event.timezone}` : `Event time: ${formatInZone(event.startsAt, event.timezone)}` };
}

/** The zone's offset from UTC at that instant, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - (utcMs - (utcMs % 1000));
}

/** A datetime-local value ("2030-07-12T18:00") read in `timeZone` → ISO 8601 UTC; null when empty or invalid. */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let utc = wall - offsetAt(wall, timeZone);
  utc = wall - offsetAt(utc, timeZone);
  return new Date(utc).toISOString();
}

/** ISO 8601 → a datetime-local value in `timeZone`, for editing. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const utc = new Date(iso).getTime();
  return new Date(utc + offsetAt(utc, timeZone)).toISOString().slice(0, 16);
}
