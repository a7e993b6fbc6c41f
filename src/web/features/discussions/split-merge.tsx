// Staff tools on the topic page: split selected replies off into a new topic, or merge the topic into another.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { Post, TopicDetail } from '../../api/types';
import { Field, FormAlert, Select, SubmitButton, formText } from '../../components/form';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { MergeForm } from './merge-form';
import { topicPath } from './paths';
import { markOwnChange } from './topic-changes';
import { useSpaces } from './use-spaces';

type Mode = 'split' | 'merge' | null;

/** A short, plain label for a post in the picker: its number, author and the start of its Markdown. */
function postLabel(post: Post): string {
  const text = post.deleted ? '(deleted)' : post.body.replace(/\s+/g, ' ').trim();
  const start = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `#${post.postNumber} by ${post.author.username ?? post.author.displayName}: ${start}`;
}

function SplitForm({ topic, posts }: { topic: TopicDetail; posts: Post[] }) {
  const spaces = useSpaces();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const replies = posts.filter((p) => p.postNumber > 1);
  const toggle = (id: number) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const split = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const spaceId = Number(text('spaceId'));
    const body = { postIds: replies.filter((p) => selected.has(p.id)).map((p) => p.id), title: text('title'), ...(spaceId && spaceId !== topic.spaceId ? { spaceId } : {}) };
    const result = await call(api.POST('/api/topics/{id}/split', { params: { path: { id: topic.id } }, body }));
    if (!result.ok) return result.problem;
    markOwnChange([topic.id, result.data.id]);
    navigate(topicPath(result.data));
  });
  const spaceOptions = (spaces.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  return (
    <form
      class="topic-tool-form"
      aria-labelledby="split-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void split.run(event.currentTarget);
      }}
    >
      <h2 id="split-heading">Split into a new topic</h2>
      {replies.length === 0 ? (
        <p class="muted">This topic has no replies to move.</p>
      ) : (
        <fieldset class="post-picker">
          <legend>Replies to move</legend>
          <p class="field-hint">The earliest one you pick starts the new topic. Only the posts loaded on this page are listed.</p>
          {replies.map((post) => (
            <div key={post.id} class="field field-check">
              <input id={`split-post-${post.id}`} type="checkbox" checked={selected.has(post.id)} onChange={() => toggle(post.id)} />
              <label for={`split-post-${post.id}`}>{postLabel(post)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <Field label="New topic title" name="title" required minLength={3} maxLength={200} error={split.problem?.field === 'title' ? split.problem.message : undefined} />
      {spaceOptions.length > 0 && <Select label="Space" name="spaceId" options={spaceOptions} defaultValue={String(topic.spaceId)} />}
      <FormAlert problem={split.problem} fields={['title']} />
      <div class="form-actions">
        <SubmitButton pending={split.pending} pendingLabel="Moving…">
          Move {selected.size} {selected.size === 1 ? 'reply' : 'replies'} to a new topic
        </SubmitButton>
      </div>
    </form>
  );
}

export function SplitMergeTools({ topic, posts }: { topic: TopicDetail; posts: Post[] }) {
  const [mode, setMode] = useState<Mode>(null);
  const choose = (next: Mode) => setMode((current) => (current === next ? null : next));
  return (
    <div class="topic-tools">
      <div class="staff-controls" role="group" aria-label="Split or merge">
        <button type="button" class="button button-secondary button-small" aria-expanded={mode === 'split' ? 'true' : 'false'} aria-controls="topic-tool-panel" onClick={() => choose('split')}>
          Split…
        </button>
        <button type="button" class="button button-secondary button-small" aria-expanded={mode === 'merge' ? 'true' : 'false'} aria-controls="topic-tool-panel" onClick={() => choose('merge')}>
          Merge into…
        </button>
      </div>
      <div id="topic-tool-panel" class="topic-tool-panel">
        {mode === 'split' && <SplitForm topic={topic} posts={posts} />}
        {mode === 'merge' && <MergeForm topic={topic} />}
      </div>
    </div>
  );
}
