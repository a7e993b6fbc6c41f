// Staff tools on an idea: set its status with a public comment, or merge it into the idea it duplicates.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { FormAlert, Select, StatusMessage, SubmitButton, TextArea, formText } from '../../../components/form';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import { settableStatuses, statusLabels, type Idea, type IdeaStatus } from './types';

export function IdeaStatusForm({ idea, onSaved }: { idea: Idea; onSaved: (idea: Idea) => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const text = formText(form);
    const status = text('status') as IdeaStatus;
    const result = await call(api.PUT('/api/ideas/{id}/status', { params: { path: { id: idea.topicId } }, body: { status, comment: text('comment') } }));
    if (!result.ok) return result.problem;
    setSaved(`Status set to ${statusLabels[result.data.status]}.`);
    onSaved(result.data);
  });
  return (
    <form
      class="idea-staff-form"
      aria-labelledby="idea-status-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(event.currentTarget);
      }}
    >
      <h3 id="idea-status-heading">Set the status</h3>
      <Select
        label="Status"
        name="status"
        options={settableStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
        defaultValue={idea.status === 'duplicate' ? 'open' : idea.status}
        error={fieldError(save.problem, 'status')}
      />
      <TextArea label="Public comment" name="comment" rows={3} maxLength={2000} defaultValue={idea.statusComment} hint="Shown with the status and sent to voters; needed to decline." error={fieldError(save.problem, 'comment')} />
      <FormAlert problem={save.problem} fields={['status', 'comment']} />
      <StatusMessage message={saved} />
      <SubmitButton pending={save.pending} pendingLabel="Saving…">
        Save status
      </SubmitButton>
    </form>
  );
}

export function IdeaMergeForm({ idea, onMerged }: { idea: Idea; onMerged: (idea: Idea) => void }) {
  const others = useResource(
    () => call(api.GET('/api/spaces/{id}/ideas', { params: { path: { id: idea.spaceId }, query: { sort: 'votes', limit: 100 } } })),
    [idea.spaceId],
  );
  const options = (others.data?.items ?? []).filter((i) => i.topicId !== idea.topicId && i.mergedIntoId === null);
  const merge = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const intoTopicId = Number(text('intoTopicId'));
    if (!intoTopicId) return { status: 0, code: 'invalid_request', message: 'Pick the idea this one duplicates.', field: 'intoTopicId' };
    const target = options.find((o) => o.topicId === intoTopicId);
    if (!window.confirm(`Merge this idea into “${target?.title ?? intoTopicId}”? Its votes move there and it is closed.`)) return;
    const result = await call(api.POST('/api/ideas/{id}/merge', { params: { path: { id: idea.topicId } }, body: { intoTopicId, comment: text('comment') } }));
    if (!result.ok) return result.problem;
    onMerged(result.data.duplicate);
  });
  return (
    <form
      class="idea-staff-form"
      aria-labelledby="idea-merge-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void merge.run(event.currentTarget);
      }}
    >
      <h3 id="idea-merge-heading">Merge into…</h3>
      <Select
        label="The idea this one duplicates"
        name="intoTopicId"
        options={[{ value: '', label: 'Choose an idea' }, ...options.map((o) => ({ value: String(o.topicId), label: `${o.title} (${o.votes})` }))]}
        error={fieldError(merge.problem, 'intoTopicId')}
      />
      <TextArea label="Public comment" name="comment" rows={2} maxLength={2000} />
      <FormAlert problem={merge.problem} fields={['intoTopicId']} />
      <SubmitButton pending={merge.pending} pendingLabel="Merging…" variant="secondary">
        Merge duplicate
      </SubmitButton>
    </form>
  );
}
