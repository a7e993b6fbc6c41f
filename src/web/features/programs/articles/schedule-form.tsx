// Staff schedule a topic, an article or an announcement: the publishing time is typed in the viewer's
// own time zone (datetime-local) and sent as an instant.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Field, FormAlert, Select, StatusMessage, SubmitButton, TextArea, formText } from '../../../components/form';
import { useSpaces } from '../../discussions/use-spaces';
import { viewerTimeZone } from '../events/time';
import { useAction } from '../../../lib/use-action';
import { fromLocalInput, toLocalInput, type ScheduleBody } from './types';

type Kind = ScheduleBody['kind'];

const kinds = [
  { value: 'topic', label: 'Topic' },
  { value: 'article', label: 'Article (knowledge base)' },
  { value: 'announcement', label: 'Announcement' },
];

const audiences = [
  { value: 'everyone', label: 'Everyone (guests too)' },
  { value: 'members', label: 'Signed-in members' },
];

export function ScheduleForm({ onScheduled }: { onScheduled: () => void }) {
  const spaces = useSpaces();
  const [kind, setKind] = useState<Kind>('topic');
  const [message, setMessage] = useState<string | null>(null);
  const choices = (spaces.data?.items ?? []).filter((s) => s.canPost && (kind !== 'article' || s.kind === 'articles')).map((s) => ({ value: String(s.id), label: s.name }));
  const submit = useAction(async (form: HTMLFormElement) => {
    setMessage(null);
    const text = formText(form);
    const publishAt = fromLocalInput(text('publishAt'));
    if (!publishAt) return { status: 400, code: 'invalid_request', message: 'Choose when to publish', field: 'publishAt' };
    const common = { kind, publishAt, title: text('title'), body: text('body') };
    const tags = text('tags').split(/[\s,]+/).filter(Boolean);
    const body: ScheduleBody =
      kind === 'announcement'
        ? { ...common, audience: text('audience') as 'everyone' | 'members', ...(fromLocalInput(text('endsAt')) ? { endsAt: fromLocalInput(text('endsAt')) } : {}) }
        : { ...common, spaceId: Number(text('spaceId')), ...(tags.length ? { tags } : {}) };
    const result = await call(api.POST('/api/scheduled', { body }));
    if (!result.ok) return result.problem;
    form.reset();
    setMessage(`Scheduled "${result.data.title}".`);
    onScheduled();
  });
  const fieldError = (field: string) => (submit.problem?.field === field ? submit.problem.message : undefined);
  return (
    <form
      class="publishing-form"
      aria-label="Schedule publishing"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(event.currentTarget);
      }}
    >
      <Select label="What" name="kind" options={kinds} defaultValue={kind} onChange={(value) => setKind(value as Kind)} />
      {kind !== 'announcement' && <Select key={kind} label="Space" name="spaceId" options={choices} error={fieldError('spaceId')} />}
      <Field label="Title" name="title" required maxLength={200} error={fieldError('title')} />
      <TextArea label="Text (Markdown)" name="body" required rows={6} error={fieldError('body')} />
      {kind !== 'announcement' && <Field label="Tags" name="tags" hint="Separated by commas or spaces" error={fieldError('tags')} />}
      {kind === 'announcement' && <Select label="Audience" name="audience" options={audiences} defaultValue="everyone" />}
      {kind === 'announcement' && <Field label="Show until" name="endsAt" type="datetime-local" error={fieldError('endsAt')} />}
      <Field label="Publish at" name="publishAt" type="datetime-local" step={1} required hint={`Your time zone: ${viewerTimeZone()}. Now: ${toLocalInput(new Date())}`} error={fieldError('publishAt')} />
      <FormAlert problem={submit.problem} fields={['spaceId', 'title', 'body', 'tags', 'endsAt', 'publishAt']} />
      <StatusMessage message={message} />
      <SubmitButton pending={submit.pending}>Schedule</SubmitButton>
    </form>
  );
}
