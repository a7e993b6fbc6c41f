// RSVP buttons showing the current choice, the counts and the viewer's place in the waitlist.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { useSession } from '../../../lib/session';
import { useAction } from '../../../lib/use-action';
import type { EventView, RsvpChoice } from './types';

const choices: { value: RsvpChoice; label: string }[] = [
  { value: 'going', label: 'Going' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'not_going', label: 'Not going' },
];

export function RsvpPanel({ event, onChange }: { event: EventView; onChange: () => void }) {
  const { me } = useSession();
  const action = useAction(async (status: RsvpChoice) => {
    const result = await call(api.PUT('/api/events/{id}/rsvp', { params: { path: { id: event.id } }, body: { status } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  const closed = event.cancelledAt !== null || new Date(event.endsAt).getTime() <= Date.now();
  const { going, maybe, waitlisted } = event.counts;
  const current = event.rsvp === 'waitlisted' ? 'going' : event.rsvp;
  return (
    <section class="rsvp-panel card" aria-labelledby="rsvp-title" data-testid="rsvp-panel">
      <h2 id="rsvp-title">Are you going?</h2>
      <p data-testid="rsvp-counts">
        {event.capacity === null ? `${going} going` : `${going} of ${event.capacity} seats taken`} · {maybe} maybe
        {waitlisted > 0 && ` · ${waitlisted} on the waitlist`}
      </p>
      {event.rsvp === 'waitlisted' && (
        <p class="alert alert-info" data-testid="waitlist-position" role="status">
          The event is full: you are number {event.waitlistPosition} on the waitlist. You get a seat, and a notification, when one opens.
        </p>
      )}
      {event.rsvp === 'going' && <p data-testid="rsvp-state">You are going.</p>}
      {!me ? (
        <p>
          <Link href="/login">Sign in</Link> to answer.
        </p>
      ) : closed ? (
        <p class="muted">{event.cancelledAt ? 'This event was cancelled.' : 'This event is over.'}</p>
      ) : (
        <div class="button-row" role="group" aria-label="Your answer">
          {choices.map((choice) => (
            <button
              key={choice.value}
              type="button"
              class={`button ${current === choice.value ? 'button-primary' : 'button-secondary'}`}
              aria-pressed={current === choice.value ? 'true' : 'false'}
              disabled={action.pending}
              onClick={() => void action.run(choice.value)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      )}
      {action.problem && (
        <p class="alert alert-error" role="alert">
          {action.problem.message}
        </p>
      )}
    </section>
  );
}
