// Reminders 24 hours and 1 hour before an event starts, to the members going or maybe going. Each
// window is claimed once per event by setting its sent-at column (a conditional update), so reruns and
// parallel workers never remind twice; a new start time clears both columns.
import type { AppContext } from '../../../context';
import type { EventsService } from './events.service';
import { formatInZone, reminderWindows } from './events.rules';
import { eventPath } from './events.presenter';
import { claimReminders, findEvent } from './events.store';
import { membersWith } from './rsvp.store';

export const REMINDERS_QUEUE = 'events.reminders';

export function createRemindersService(ctx: AppContext, deps: Pick<EventsService, 'tell'>) {
  return {
    /** Sends what is due at `now`; how many events were reminded and how many notices went out. */
    async run(now: Date = new Date()): Promise<{ events: number; notices: number }> {
      let eventCount = 0;
      let noticeCount = 0;
      for (const { window, ms, label } of reminderWindows) {
        const claimed = await ctx.database.tx(async (trx) => {
          const due = await claimReminders(trx, window, now, new Date(now.getTime() + ms));
          const out = [];
          for (const event of due) out.push({ event, members: await membersWith(trx, event.id, ['going', 'maybe']) });
          return out;
        });
        eventCount += claimed.length;
        // After the claim's commit: to those who still see the event (see EventsService.tell).
        for (const { event, members } of claimed) {
          const row = await findEvent(ctx.database.db, event.id);
          if (!row) continue;
          const text = `"${event.title}" starts ${label}: ${formatInZone(event.starts_at, event.timezone)}.`;
          noticeCount += await deps.tell(row, members.map((memberId) => ({ memberId, title: 'Event reminder', text, url: eventPath(event.id), type: 'notice' as const, at: now })));
        }
      }
      return { events: eventCount, notices: noticeCount };
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
