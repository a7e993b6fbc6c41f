// Start a private conversation at /messages/new (?to=username and ?group=name fill in the recipients).
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { RequireMember } from '../../components/guards';
import { navigate, useLocation } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { useAction } from '../../lib/use-action';
import { Composer } from '../discussions/composer';
import { conversationPath } from './paths';

/** "alice, @bob  carol" → ['alice', 'bob', 'carol']. */
function namesIn(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((name) => name.trim().replace(/^@/, ''))
    .filter(Boolean);
}

function NewMessageForm() {
  const { query } = useLocation();
  const [body, setBody] = useState('');
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const groups = namesIn(text('groups'));
    const result = await call(api.POST('/api/messages', { body: { recipients: namesIn(text('recipients')), ...(groups.length ? { groups } : {}), title: text('title'), body } }));
    if (!result.ok) return result.problem;
    navigate(conversationPath(result.data.id));
  });
  const problem = action.problem;
  // Errors about one name of a list name the list ("recipients.0"): show them at the list.
  const fields = ['recipients', 'groups', 'title', 'body', ...(problem?.field && /^(recipients|groups)\./.test(problem.field) ? [problem.field] : [])];
  const listError = (field: string) => fieldError(problem, field) ?? (problem?.field?.startsWith(`${field}.`) ? problem.message : undefined);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(event.currentTarget);
      }}
    >
      <Field
        label="To"
        name="recipients"
        hint="Usernames, separated by commas. You can leave this empty when you write to a group."
        autoComplete="off"
        defaultValue={query.get('to') ?? ''}
        error={listError('recipients')}
      />
      <Field label="Groups" name="groups" hint="Group names, separated by commas, for example moderators." autoComplete="off" defaultValue={query.get('group') ?? ''} error={listError('groups')} />
      <Field label="Title" name="title" required maxLength={200} error={fieldError(problem, 'title')} />
      <Composer label="Message" idPrefix="new-message" value={body} onInput={setBody} error={fieldError(problem, 'body')} />
      <FormAlert problem={problem} fields={fields} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Sending…">
          Send message
        </SubmitButton>
      </div>
    </form>
  );
}

export function NewMessagePage() {
  useTitle('New message');
  return (
    <section class="narrow">
      <h1>New message</h1>
      <p class="muted">Only the people you write to, and the members of the groups you add, can read it.</p>
      <RequireMember>{() => <NewMessageForm />}</RequireMember>
    </section>
  );
}
