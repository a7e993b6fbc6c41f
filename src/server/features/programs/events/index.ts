// Events and AMAs: events in events spaces with their own topic, RSVPs with a FIFO waitlist, reminders
// 24 h and 1 h before, .ics files and a per-space iCal feed, and AMA questions answered in the topic.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { createCalendarService, type CalendarService } from './calendar.service';
import { defineEventJobs } from './events.jobs';
import { registerEventRoutes } from './events.routes';
import { createEventsService, type EventDeps, type EventsService } from './events.service';
import { registerQuestionRoutes } from './questions.routes';
import { createQuestionsService, type QuestionsService } from './questions.service';
import { createRemindersService, type RemindersService } from './reminders.service';
import { createRsvpService, type RsvpService } from './rsvp.service';

export { serializeCalendar, escapeText, foldLine, utcStamp, type CalendarEvent } from './ics.rules';
export { canonicalTimeZone, checkEventFields, checkOnlineUrl, reminderDue, rsvpOutcome, seatsToFill } from './events.rules';

export interface EventsProgram {
  events: EventsService;
  rsvps: RsvpService;
  questions: QuestionsService;
  calendar: CalendarService;
  reminders: RemindersService;
}

/** Builds the events program and defines its reminder job. */
export function createEventsProgram(ctx: AppContext, deps: EventDeps): EventsProgram {
  const events = createEventsService(ctx, deps);
  const reminders = createRemindersService(ctx, events);
  defineEventJobs(ctx, reminders);
  return {
    events,
    rsvps: createRsvpService(ctx, deps, events),
    questions: createQuestionsService(ctx, deps, events),
    calendar: createCalendarService(ctx, deps, events),
    reminders,
  };
}

export function registerEventsProgram(app: FastifyInstance, program: EventsProgram): void {
  registerEventRoutes(app, program.events, program.rsvps, program.calendar);
  registerQuestionRoutes(app, program.questions);
}
