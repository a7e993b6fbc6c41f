// "Report a bug" at /report-bug?space=ID: the template (title, steps, expected, actual, version) for a
// bugs space; a held report shows why it waits for review.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { Field, FormAlert, Select, SubmitButton, TextArea, formText } from '../../../components/form';
import { Loading, RequireMember } from '../../../components/guards';
import { navigate, useLocation } from '../../../lib/router';
import { useTitle } from '../../../lib/site';
import { useAction, submitForm } from '../../../lib/use-action';
import { topicPath } from '../../discussions/paths';
import { useSpaces } from '../../discussions/use-spaces';
import { HeldNotice, ModerationProblemLink } from '../../moderation/held-notice';
import { isHeld, type HeldPost } from '../../moderation/types';

const fields = ['spaceId', 'title', 'steps', 'expected', 'actual', 'version'];

function ReportBugForm() {
  const { query } = useLocation();
  const spaces = useSpaces();
  const [held, setHeld] = useState<HeldPost | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const body = { spaceId: Number(text('spaceId')), title: text('title'), steps: text('steps'), expected: text('expected'), actual: text('actual'), version: text('version') };
    const result = await call(api.POST('/api/bug-reports', { body }));
    if (!result.ok) return result.problem;
    if (isHeld(result.data)) return setHeld(result.data);
    navigate(topicPath({ id: result.data.topicId, slug: result.data.slug }));
  });
  if (held) return <HeldNotice held={held} />;
  if (!spaces.data) return <Loading />;
  const trackers = spaces.data.items.filter((space) => space.kind === 'bugs' && space.canPost);
  if (trackers.length === 0) return <p>There is no bug tracker where you can report yet.</p>;
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submitForm(action)} aria-label="Report a bug">
      <Select label="Bug tracker" name="spaceId" options={trackers.map((space) => ({ value: String(space.id), label: space.name }))} defaultValue={query.get('space') ?? undefined} error={error('spaceId')} />
      <Field label="Title" name="title" required minLength={3} maxLength={200} hint="What goes wrong, in a few words." error={error('title')} />
      <TextArea label="Steps to reproduce" name="steps" required maxLength={10000} rows={5} hint="1. … 2. … (Markdown)" error={error('steps')} />
      <TextArea label="Expected behaviour" name="expected" required maxLength={5000} rows={3} error={error('expected')} />
      <TextArea label="Actual behaviour" name="actual" required maxLength={5000} rows={3} error={error('actual')} />
      <Field label="Version" name="version" required maxLength={100} hint="The version, browser or device." error={error('version')} />
      <FormAlert problem={action.problem} fields={fields} />
      <ModerationProblemLink problem={action.problem} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Reporting…">
          Report bug
        </SubmitButton>
      </div>
    </form>
  );
}

export function ReportBugPage() {
  useTitle('Report a bug');
  return (
    <section class="narrow">
      <h1>Report a bug</h1>
      <RequireMember>{() => <ReportBugForm />}</RequireMember>
    </section>
  );
}
