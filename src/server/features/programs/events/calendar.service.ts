// Calendars: one event as an .ics file, and a space's events as an iCal feed (the last 90 days and
// everything ahead). Whoever may see the space may read them; a private space answers 404 to guests.
import type { AppContext } from '../../../context';
import type { Actor } from '../../../platform/http/principal';
import type { EventDeps, EventsService } from './events.service';
import { calendarEntry } from './events.presenter';
import { calendarEvents } from './events.store';
import { serializeCalendar } from './ics.rules';

const FEED_DAYS_BACK = 90;

export function createCalendarService(ctx: AppContext, deps: EventDeps, events: Pick<EventsService, 'visibleEvent'>) {
  const db = ctx.database.db;
  const publicUrl = ctx.config.publicUrl;

  return {
    async eventIcs(actor: Actor, eventId: number): Promise<{ text: string; filename: string }> {
      const { row } = await events.visibleEvent(actor, eventId);
      return { text: serializeCalendar({ name: row.title, events: [calendarEntry(row, publicUrl)] }), filename: `event-${row.id}.ics` };
    },

    async spaceFeed(actor: Actor, spaceId: number): Promise<string> {
      const { space } = await deps.discussions.spaces.visible(actor, spaceId);
      const since = new Date(Date.now() - FEED_DAYS_BACK * 24 * 60 * 60 * 1000);
      const rows = await calendarEvents(db, spaceId, since);
      return serializeCalendar({ name: space.name, events: rows.map((row) => calendarEntry(row, publicUrl)) });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
