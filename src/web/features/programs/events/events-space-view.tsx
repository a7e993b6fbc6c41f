// An events space: upcoming and past events (times in the viewer's zone, the event's zone named) and the
// space's iCal feed ("New event" is the space page's own button, see programs/new-topic-action.ts).
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { ListFooter } from '../../../components/list-footer';
import { Tabs } from '../../../components/tabs';
import { useSession } from '../../../lib/session';
import { usePagedList } from '../../../lib/use-paged-list';
import type { SpaceView } from '../registry';
import { describeTimes } from './time';
import './events.css';
import type { EventView } from './types';

function EventRow({ event }: { event: EventView }) {
  const times = describeTimes(event);
  const seats = event.capacity === null ? `${event.counts.going} going` : `${event.counts.going} of ${event.capacity} seats taken`;
  return (
    <li class="event-row" data-testid="event-row">
      <h3 class="event-row-title">
        <Link href={event.url}>{event.title}</Link>
        {event.ama && <span class="badge"> AMA</span>}
        {event.cancelledAt && <span class="badge badge-danger"> Cancelled</span>}
      </h3>
      <p class="small">
        <time dateTime={event.startsAt}>{times.local}</time>
        {times.zoned && <span class="muted"> · {times.zoned}</span>}
      </p>
      <p class="small muted">
        {event.location ?? 'Online'} · {seats}
        {event.counts.maybe > 0 && ` · ${event.counts.maybe} maybe`}
        {event.rsvp && ` · you: ${event.rsvp === 'not_going' ? 'not going' : event.rsvp}`}
      </p>
    </li>
  );
}

export const EventsSpaceView: SpaceView = ({ space }) => {
  const { me } = useSession();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const list = usePagedList(
    (cursor) => call(api.GET('/api/spaces/{id}/events', { params: { path: { id: space.id }, query: { when, ...(cursor ? { cursor } : {}) } } })),
    `${space.id}:${when}:${me?.id ?? ''}`,
  );
  return (
    <div class="events-space" data-testid="events-space">
      <div class="page-actions">
        <a href={`/api/spaces/${space.id}/events.ics`} class="button button-secondary">
          Subscribe (iCal feed)
        </a>
      </div>
      <Tabs label="Events" tabs={[{ id: 'upcoming', label: 'Upcoming' }, { id: 'past', label: 'Past' }]} selected={when} onSelect={(id) => setWhen(id === 'past' ? 'past' : 'upcoming')}>
        {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
        {!list.isLoading && list.items.length === 0 && <p class="muted">{when === 'upcoming' ? 'No upcoming events.' : 'No past events.'}</p>}
        <ul class="event-list plain-list">
          {list.items.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </ul>
        <ListFooter list={list} noun="events" moreLabel="Load more events" />
      </Tabs>
    </div>
  );
};
