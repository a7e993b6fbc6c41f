// Staff post an announcement: title, Markdown text, audience and an optional window (typed in the
// viewer's own time zone).
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Field, FormAlert, Select, StatusMessage, SubmitButton, TextArea, formText } from '../../../components/form';
import { useAction } from '../../../lib/use-action';
import { viewerTimeZone } from '../events/time';
import { fromLocalInput, type AnnouncementBody } from './types';

const audiences = [
  { value: 'everyone', label: 'Everyone (guests too)' },
  { value: 'members', label: 'Signed-in members' },
];

export function AnnouncementForm({ onPosted }: { onPosted: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const submit = useAction(async (form: HTMLFormElement) => {
    setMessage(null);
    const text = formText(form);
    const startsAt = fromLocalInput(text('startsAt'));
    const endsAt = fromLocalInput(text('endsAt'));
    const body: AnnouncementBody = {
      title: text('title'),
      body: text('body'),
      audience: text('audience') as 'everyone' | 'members',
      ...(startsAt ? { startsAt } : {}),
      ...(endsAt ? { endsAt } : {}),
    };
    const result = await call(api.POST('/api/announcements', { body }));
    if (!result.ok) return result.problem;
    form.reset();
    setMessage(`Posted "${result.data.title}".`);
    onPosted();
  });
  const fieldError = (field: string) => (submit.problem?.field === field ? submit.problem.message : undefined);
  const zone = `Your time zone: ${viewerTimeZone()}`;
  return (
    <form
      class="publishing-form"
      aria-label="Post an announcement"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(event.currentTarget);
      }}
    >
      <Field label="Title" name="title" required maxLength={200} error={fieldError('title')} />
      <TextArea label="Text (Markdown)" name="body" required rows={4} error={fieldError('body')} />
      <Select label="Audience" name="audience" options={audiences} defaultValue="everyone" />
      <Field label="Show from" name="startsAt" type="datetime-local" hint={`Empty: now. ${zone}`} error={fieldError('startsAt')} />
      <Field label="Show until" name="endsAt" type="datetime-local" hint={`Empty: until ended. ${zone}`} error={fieldError('endsAt')} />
      <FormAlert problem={submit.problem} fields={['title', 'body', 'startsAt', 'endsAt']} />
      <StatusMessage message={message} />
      <SubmitButton pending={submit.pending}>Post announcement</SubmitButton>
    </form>
  );
}
