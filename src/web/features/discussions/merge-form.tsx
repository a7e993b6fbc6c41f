// Staff merge a topic into another: find the target by title, or paste its link or id, then confirm.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { TopicDetail } from '../../api/types';
import { Field, FormAlert, SubmitButton } from '../../components/form';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { topicPath } from './paths';
import { markOwnChange } from './topic-changes';

interface Candidate {
  id: number;
  title: string;
}

/** A topic id typed as a number, or taken from a pasted link (/t/slug/42). */
export function topicIdIn(text: string): number | null {
  const match = /^\s*(\d+)\s*$/.exec(text) ?? /\/t\/(?:[^/\s]+\/)?(\d+)(?:[/?#]|\s*$)/.exec(text);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Topics matching what was typed: the one named by id or link, else a title search. */
function useCandidates(query: string, excludeId: number): Candidate[] {
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return setCandidates([]);
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      const id = topicIdIn(q);
      const lookup = id
        ? call(api.GET('/api/topics/{id}', { params: { path: { id } } })).then((r) => (r.ok && r.data.mergedIntoId === null ? [{ id: r.data.id, title: r.data.title }] : []))
        : call(api.GET('/api/search', { params: { query: { q, type: 'topic', limit: 8 } } })).then((r) => (r.ok ? r.data.items.map((h) => ({ id: h.topicId, title: h.title })) : []));
      void lookup.then((found) => {
        if (isCurrent) setCandidates(found.filter((c) => c.id !== excludeId));
      });
    }, 250);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [query, excludeId]);
  return candidates;
}

export function MergeForm({ topic }: { topic: TopicDetail }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const candidates = useCandidates(query, topic.id);
  const merge = useAction(async () => {
    if (!chosen) return { status: 0, code: 'invalid_request', message: 'Pick the topic to merge into first.', field: 'intoTopicId' };
    if (!window.confirm(`Move every post of this topic into “${chosen.title}”? This topic will be closed and point there.`)) return;
    const result = await call(api.POST('/api/topics/{id}/merge', { params: { path: { id: topic.id } }, body: { intoTopicId: chosen.id } }));
    if (!result.ok) return result.problem;
    markOwnChange([topic.id, result.data.id]);
    navigate(topicPath(result.data));
  });
  return (
    <form
      class="topic-tool-form"
      aria-labelledby="merge-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void merge.run();
      }}
    >
      <h2 id="merge-heading">Merge into another topic</h2>
      <Field
        label="Find the topic"
        name="target"
        type="search"
        markOptional={false}
        hint="Type words from its title, or paste its link or id."
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setChosen(null);
        }}
      />
      <div role="status" aria-live="polite" class="small muted">
        {query.trim().length >= 2 && candidates.length === 0 ? 'No matching topic yet.' : ''}
      </div>
      {candidates.length > 0 && (
        <fieldset class="post-picker">
          <legend>Topic to merge into</legend>
          {candidates.map((c) => (
            <div key={c.id} class="field field-check">
              <input id={`merge-into-${c.id}`} type="radio" name="intoTopicId" checked={chosen?.id === c.id} onChange={() => setChosen(c)} />
              <label for={`merge-into-${c.id}`}>
                {c.title} <span class="muted">(#{c.id})</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <FormAlert problem={merge.problem} />
      <div class="form-actions">
        <SubmitButton pending={merge.pending} pendingLabel="Merging…" variant="danger">
          {chosen ? `Merge into “${chosen.title}”` : 'Merge'}
        </SubmitButton>
      </div>
    </form>
  );
}
