// /events/new?space=ID and /events/:id/edit: the event form. Times are typed as wall-clock times in the
// event's time zone (by default the viewer's) and sent as UTC.
import { api } from '../../../api/client';
import { call, fieldError, type ApiProblem } from '../../../api/result';
import { Checkbox, Field, FormAlert, Select, SubmitButton, TextArea, formText } from '../../../components/form';
import { Loading, RequireMember } from '../../../components/guards';
import { useLocation } from '../../../lib/router';
import { useTitle } from '../../../lib/site';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import { useSpaces } from '../../discussions/use-spaces';
import { openEvent } from './event.page';
import { isoToZonedInput, timeZoneNames, viewerTimeZone, zonedInputToIso } from './time';
import type { EventView } from './types';

const fields = ['spaceId', 'title', 'description', 'startsAt', 'endsAt', 'timezone', 'location', 'onlineUrl', 'capacity', 'ama'];

interface FormValues {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  ama: boolean;
}

/** The form's values, or the problem with a time field. */
function readForm(form: HTMLFormElement): FormValues | ApiProblem {
  const text = formText(form);
  const timezone = text('timezone');
  const startsAt = zonedInputToIso(text('startsAt'), timezone);
  const endsAt = zonedInputToIso(text('endsAt'), timezone);
  if (!startsAt) return { status: 400, code: 'invalid_request', field: 'startsAt', message: 'Choose when the event starts' };
  if (!endsAt) return { status: 400, code: 'invalid_request', field: 'endsAt', message: 'Choose when the event ends' };
  const capacity = text('capacity').trim();
  return {
    title: text('title'),
    description: text('description'),
    startsAt,
    endsAt,
    timezone,
    location: text('location').trim() || null,
    onlineUrl: text('onlineUrl').trim() || null,
    capacity: capacity ? Number(capacity) : null,
    ama: (form.elements.namedItem('ama') as HTMLInputElement | null)?.checked ?? false,
  };
}

function EventFields({ event, problem }: { event: EventView | null; problem: ApiProblem | null }) {
  const zone = event?.timezone ?? viewerTimeZone();
  return (
    <>
      <Field label="Title" name="title" required maxLength={200} defaultValue={event?.title} error={fieldError(problem, 'title')} />
      <TextArea label="Description" name="description" rows={5} maxLength={20000} defaultValue={event?.description} hint="Markdown." error={fieldError(problem, 'description')} />
      <Field label="Starts" name="startsAt" type="datetime-local" required defaultValue={event ? isoToZonedInput(event.startsAt, zone) : undefined} error={fieldError(problem, 'startsAt')} />
      <Field label="Ends" name="endsAt" type="datetime-local" required defaultValue={event ? isoToZonedInput(event.endsAt, zone) : undefined} error={fieldError(problem, 'endsAt')} />
      <Select label="Time zone" name="timezone" options={timeZoneNames().map((z) => ({ value: z, label: z }))} defaultValue={zone} hint="The start and end above are read in this zone." error={fieldError(problem, 'timezone')} />
      <Field label="Place" name="location" maxLength={300} defaultValue={event?.location ?? undefined} hint="A place, an online link, or both." error={fieldError(problem, 'location')} />
      <Field label="Online link" name="onlineUrl" type="url" maxLength={500} defaultValue={event?.onlineUrl ?? undefined} error={fieldError(problem, 'onlineUrl')} />
      <Field label="Capacity" name="capacity" type="number" min={1} max={100000} defaultValue={event?.capacity ? String(event.capacity) : undefined} hint="Seats for members going; leave empty for no limit. Past it, members wait in line." error={fieldError(problem, 'capacity')} />
      <Checkbox label="AMA: collect and upvote questions, answered in the topic" name="ama" defaultChecked={event?.ama ?? false} />
      <FormAlert problem={problem} fields={fields} />
    </>
  );
}

function NewEventForm() {
  const { query } = useLocation();
  const spaces = useSpaces();
  const action = useAction(async (form: HTMLFormElement) => {
    const values = readForm(form);
    if ('code' in values) return values;
    const result = await call(api.POST('/api/events', { body: { spaceId: Number(formText(form)('spaceId')), ...values } }));
    if (!result.ok) return result.problem;
    openEvent(result.data.id);
  });
  if (!spaces.data) return <Loading />;
  const eventSpaces = spaces.data.items.filter((s) => s.kind === 'events' && s.canPost);
  if (eventSpaces.length === 0) return <p>There is no events space where you can create events.</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(e.currentTarget);
      }}
    >
      <Select label="Space" name="spaceId" options={eventSpaces.map((s) => ({ value: String(s.id), label: s.name }))} defaultValue={query.get('space') ?? undefined} error={fieldError(action.problem, 'spaceId')} />
      <EventFields event={null} problem={action.problem} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create event
        </SubmitButton>
      </div>
    </form>
  );
}

function EditEventForm({ id }: { id: number }) {
  const event = useResource(() => call(api.GET('/api/events/{id}', { params: { path: { id } } })), [id]);
  const action = useAction(async (form: HTMLFormElement) => {
    const values = readForm(form);
    if ('code' in values) return values;
    const result = await call(api.PATCH('/api/events/{id}', { params: { path: { id } }, body: values }));
    if (!result.ok) return result.problem;
    openEvent(id);
  });
  if (event.status === 'failed') return <p class="alert alert-error">{event.problem.message}</p>;
  if (!event.data) return <Loading />;
  if (!event.data.canEdit) return <p>Only the host or staff can edit this event.</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(e.currentTarget);
      }}
    >
      <EventFields event={event.data} problem={action.problem} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
      </div>
    </form>
  );
}

export function NewEventPage() {
  useTitle('New event');
  return (
    <section class="narrow">
      <h1>New event</h1>
      <RequireMember>{() => <NewEventForm />}</RequireMember>
    </section>
  );
}

export function EditEventPage({ id }: { id: number }) {
  useTitle('Edit event');
  return (
    <section class="narrow">
      <h1>Edit event</h1>
      <RequireMember>{() => <EditEventForm id={id} />}</RequireMember>
    </section>
  );
}
