// /events/:id: the event's details (times in the viewer's zone, the event's zone named), RSVP,
// calendar links, who is coming, the AMA questions and a link to the discussion topic.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading } from '../../../components/guards';
import { Link } from '../../../components/link';
import { navigate } from '../../../lib/router';
import { useSession } from '../../../lib/session';
import { useTitle } from '../../../lib/site';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import { QuestionsPanel } from './questions-panel';
import { RsvpPanel } from './rsvp-panel';
import { describeTimes } from './time';
import './events.css';
import type { EventView } from './types';

function Attendees({ event }: { event: EventView }) {
  const list = useResource(() => call(api.GET('/api/events/{id}/attendees', { params: { path: { id: event.id } } })), [event.id, event.counts.going, event.counts.maybe, event.counts.waitlisted, event.rsvp]);
  if (!list.data || list.data.items.length === 0) return null;
  const label = (status: string) => ({ going: 'going', maybe: 'maybe', waitlisted: 'waitlist', not_going: 'not going' })[status] ?? status;
  return (
    <section aria-labelledby="attendees-title" class="attendees">
      <h2 id="attendees-title">Who is coming</h2>
      <ul class="plain-list small" data-testid="attendees">
        {list.data.items.map((a) => (
          <li key={a.member.id}>
            {a.member.displayName || a.member.username} <span class="muted">({label(a.status)}{a.waitlistPosition ? ` #${a.waitlistPosition}` : ''})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HostControls({ event, onChange }: { event: EventView; onChange: () => void }) {
  const cancel = useAction(async () => {
    if (!window.confirm('Cancel this event? Everyone who answered is told.')) return;
    const result = await call(api.DELETE('/api/events/{id}', { params: { path: { id: event.id } } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  if (!event.canEdit || event.cancelledAt) return null;
  return (
    <div class="button-row">
      <Link href={`/events/${event.id}/edit`} class="button button-secondary">
        Edit event
      </Link>
      <button type="button" class="button button-danger" disabled={cancel.pending} onClick={() => void cancel.run()}>
        Cancel event
      </button>
      {cancel.problem && <p class="alert alert-error">{cancel.problem.message}</p>}
    </div>
  );
}

export function EventPage({ id }: { id: number }) {
  const { me } = useSession();
  const event = useResource(() => call(api.GET('/api/events/{id}', { params: { path: { id } } })), [id, me?.id]);
  useTitle(event.data?.title ?? 'Event');
  if (event.status === 'failed' && !event.data) {
    return (
      <section>
        <h1>{event.problem.status === 404 ? 'Event not found' : 'Could not load the event'}</h1>
        <p>{event.problem.message}</p>
      </section>
    );
  }
  if (!event.data) return <Loading />;
  const data = event.data;
  const times = describeTimes(data);
  return (
    <section class="event-page narrow">
      <div class="page-head">
        <h1>
          {data.title}
          {data.ama && <span class="badge"> AMA</span>}
        </h1>
      </div>
      {data.cancelledAt && (
        <p class="alert alert-error" role="status">
          This event was cancelled.
        </p>
      )}
      <dl class="event-facts">
        <dt>When</dt>
        <dd data-testid="event-when">
          <time dateTime={data.startsAt}>{times.local}</time>
          {times.zoned && <div class="small muted">{times.zoned}</div>}
        </dd>
        {data.location && (
          <>
            <dt>Where</dt>
            <dd>{data.location}</dd>
          </>
        )}
        {data.onlineUrl && (
          <>
            <dt>Online</dt>
            <dd>
              <a href={data.onlineUrl} rel="noopener noreferrer nofollow" target="_blank">
                {data.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>Host</dt>
        <dd>{data.creator.displayName || data.creator.username}</dd>
      </dl>
      {/* The server renders Markdown and sanitizes the HTML. */}
      {data.descriptionHtml && <div class="post-body" dangerouslySetInnerHTML={{ __html: data.descriptionHtml }} />}
      <p class="button-row">
        <a href={`/api/events/${data.id}.ics`} class="button button-secondary" download>
          Add to calendar (.ics)
        </a>
        <a href={`/api/spaces/${data.spaceId}/events.ics`} class="button button-secondary">
          iCal feed of this space
        </a>
        {data.topicId && (
          <Link href={`/t/${data.topicId}`} class="button button-secondary" data-testid="event-topic-link">
            Discussion
          </Link>
        )}
      </p>
      <HostControls event={data} onChange={event.reload} />
      <RsvpPanel event={data} onChange={event.reload} />
      {me && <Attendees event={data} />}
      {data.ama && <QuestionsPanel event={data} />}
      <p>
        <Link href={`/s/${data.spaceId}`}>Back to the events</Link>
      </p>
    </section>
  );
}

/** After creating or editing, open the event page. */
export const openEvent = (id: number): void => navigate(`/events/${id}`);
