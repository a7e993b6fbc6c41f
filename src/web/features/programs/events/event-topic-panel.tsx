// Above the posts of an event's topic: which event it discusses, when, and a link to RSVP and ask.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { useSession } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import type { TopicPanel } from '../registry';
import { describeTimes } from './time';
import './events.css';

export const EventTopicPanel: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const event = useResource(() => call(api.GET('/api/topics/{id}/event', { params: { path: { id: topic.id } } })), [topic.id, me?.id]);
  if (!event.data) return null;
  const data = event.data;
  const times = describeTimes(data);
  return (
    <aside class="event-topic-panel card" data-testid="event-topic-panel" aria-label="Event">
      <p>
        <strong>{data.ama ? 'AMA' : 'Event'}:</strong> <Link href={data.url}>{data.title}</Link>
        {data.cancelledAt && <span class="badge badge-danger"> Cancelled</span>}
      </p>
      <p class="small">
        <time dateTime={data.startsAt}>{times.local}</time>
        {times.zoned && <span class="muted"> · {times.zoned}</span>}
      </p>
      <p class="small muted">
        {data.counts.going} going · {data.counts.maybe} maybe{data.rsvp ? ` · you: ${data.rsvp.replace('_', ' ')}` : ''} · <Link href={data.url}>{data.ama ? 'RSVP and ask a question' : 'RSVP'}</Link>
      </p>
    </aside>
  );
};
