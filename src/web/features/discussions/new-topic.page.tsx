// Start a topic at /new-topic (?space= preselects one): only spaces where the viewer may post are offered.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, Select, SubmitButton, formText } from '../../components/form';
import { Loading, RequireMember } from '../../components/guards';
import { navigate, useLocation } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { useAction } from '../../lib/use-action';
import { Composer } from './composer';
import { topicPath } from './paths';
import { useSpaces } from './use-spaces';
import { HeldNotice, ModerationProblemLink } from '../moderation/held-notice';
import { isHeld, type HeldPost } from '../moderation/types';

function NewTopicForm() {
  const { query } = useLocation();
  const spaces = useSpaces();
  const [body, setBody] = useState('');
  const [held, setHeld] = useState<HeldPost | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const tags = text('tags')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const result = await call(api.POST('/api/topics', { body: { spaceId: Number(text('spaceId')), title: text('title'), body, ...(tags.length ? { tags } : {}) } }));
    if (!result.ok) return result.problem;
    // A held topic stays out of sight until a moderator approves it; the author is told why instead.
    if (isHeld(result.data)) return setHeld(result.data);
    navigate(topicPath(result.data));
  });
  if (held) return <HeldNotice held={held} />;
  if (!spaces.data) return <Loading />;
  const postable = spaces.data.items.filter((space) => space.canPost);
  if (postable.length === 0) return <p>There is no space where you can start a topic yet.</p>;
  const problem = action.problem;
  const fields = ['spaceId', 'title', 'body', 'tags'];
  return (
    <form
      noValidate={false}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(event.currentTarget);
      }}
    >
      <Select label="Space" name="spaceId" options={postable.map((space) => ({ value: String(space.id), label: space.name }))} defaultValue={query.get('space') ?? undefined} error={fieldError(problem, 'spaceId')} />
      <Field label="Title" name="title" required maxLength={200} error={fieldError(problem, 'title')} />
      <Composer label="Body" idPrefix="new-topic" value={body} onInput={setBody} error={fieldError(problem, 'body')} />
      <Field label="Tags" name="tags" defaultValue={query.get('tag') ?? undefined} hint="Separate tags with commas." error={fieldError(problem, 'tags') ?? (problem?.field?.startsWith('tags') ? problem.message : undefined)} />
      <FormAlert problem={problem} fields={fields} />
      <ModerationProblemLink problem={problem} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create topic
        </SubmitButton>
      </div>
    </form>
  );
}

export function NewTopicPage() {
  useTitle('New topic');
  return (
    <section class="narrow">
      <h1>New topic</h1>
      <RequireMember>{() => <NewTopicForm />}</RequireMember>
    </section>
  );
}
