// RSVPs: going, maybe or not going. Past capacity a member waits in line (200 with status 'waitlisted'
// and the position). When a member going leaves, the first in line is promoted in the same
// transaction, under the event's row lock, and told.
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../platform/errors';
import { requireMember, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import type { EventDeps, EventsService } from './events.service';
import { promotedNotice, rsvpOutcome, seatsToFill } from './events.rules';
import type { RsvpBody, RsvpView } from './events.schema';
import { findEvent, rsvpCounts } from './events.store';
import { countGoing, countWaiting, findRsvp, promoteFirst, waitlistPosition, writeRsvp } from './rsvp.store';

export function createRsvpService(ctx: AppContext, deps: EventDeps, events: Pick<EventsService, 'visibleEvent' | 'tell'>) {
  const db = ctx.database.db;

  return {
    async rsvp(actor: Actor, eventId: number, body: RsvpBody): Promise<RsvpView> {
      const member = requireMember(actor);
      await events.visibleEvent(actor, eventId);
      const at = new Date();
      const written = await ctx.database.tx(async (trx) => {
        // The row lock queues RSVPs to one event: the last seat goes to exactly one member.
        const event = await findEvent(trx, eventId, true);
        if (!event) throw notFound('Event not found');
        if (event.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was cancelled');
        if (event.ends_at.getTime() <= at.getTime()) throw new AppError('event_ended', 'This event is over');
        const current = await findRsvp(trx, eventId, member.memberId);
        const going = await countGoing(trx, eventId);
        const status = rsvpOutcome(current?.status ?? null, body.status, { capacity: event.capacity, going });
        await writeRsvp(trx, eventId, member.memberId, status, at);
        let promoted: number[] = [];
        if (current?.status === 'going' && status !== 'going') {
          promoted = await promoteFirst(trx, eventId, seatsToFill({ capacity: event.capacity, going: going - 1 }, await countWaiting(trx, eventId)), at);
        }
        await recordActivity(trx, { memberId: member.memberId, kind: 'event.rsvp', occurredAt: at, spaceId: event.space_id, topicId: event.topic_id, props: { eventId, status, wanted: body.status } });
        return { event, notices: promoted.map((memberId) => promotedNotice(memberId, eventId, event.title, at)) };
      });
      await events.tell(written.event, written.notices);
      const [mine, counts] = await Promise.all([findRsvp(db, eventId, member.memberId), rsvpCounts(db, [eventId])]);
      const status = mine?.status ?? body.status;
      return {
        eventId,
        status,
        waitlistPosition: status === 'waitlisted' ? await waitlistPosition(db, eventId, member.memberId) : null,
        counts: counts.get(eventId) ?? { going: 0, maybe: 0, waitlisted: 0 },
      };
    },
  };
}

export type RsvpService = ReturnType<typeof createRsvpService>;
