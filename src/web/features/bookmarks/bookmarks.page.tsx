// The member's bookmarks at /bookmarks: newest first, each with its note and reminder, editable and removable.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { Bookmark } from '../../api/types';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { RequireMember } from '../../components/guards';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/site';
import { useAction } from '../../lib/use-action';
import { usePagedList } from '../../lib/use-paged-list';
import { topicPath } from '../discussions/paths';
import { reminderPresets, toLocalInput } from './reminder-presets';

function NoteForm({ bookmark, onSaved, onCancel }: { bookmark: Bookmark; onSaved: (next: Bookmark) => void; onCancel: () => void }) {
  const [remind, setRemind] = useState(toLocalInput(bookmark.remindAt));
  const save = useAction(async (form: HTMLFormElement) => {
    const note = formText(form)('note');
    const remindAt = remind ? new Date(remind).toISOString() : null;
    const result = await call(api.POST('/api/posts/{id}/bookmark', { params: { path: { id: bookmark.id } }, body: { note, remindAt } }));
    if (!result.ok) return result.problem;
    onSaved(result.data);
  });
  const reminderId = `remind-${bookmark.id}`;
  return (
    <form
      class="bookmark-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(event.currentTarget);
      }}
    >
      <Field label="Note" name="note" maxLength={500} defaultValue={bookmark.note} error={save.problem?.field === 'note' ? save.problem.message : undefined} />
      <div class="field">
        <label for={reminderId}>
          Remind me<span class="optional"> (optional)</span>
        </label>
        <input id={reminderId} type="datetime-local" value={remind} onInput={(event) => setRemind(event.currentTarget.value)} />
        <div class="reminder-presets" role="group" aria-label="Quick reminder times">
          {reminderPresets(new Date()).map((preset) => (
            <button key={preset.key} type="button" class="button button-secondary button-small" aria-pressed={remind === toLocalInput(preset.at) ? 'true' : 'false'} onClick={() => setRemind(toLocalInput(preset.at))}>
              {preset.label}
            </button>
          ))}
          {remind && (
            <button type="button" class="button button-link button-small" onClick={() => setRemind('')}>
              No reminder
            </button>
          )}
        </div>
      </div>
      <FormAlert problem={save.problem} fields={['note']} />
      <div class="form-actions">
        <SubmitButton pending={save.pending}>Save</SubmitButton>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function BookmarkItem({ bookmark, onChange, onRemoved }: { bookmark: Bookmark; onChange: (next: Bookmark) => void; onRemoved: () => void }) {
  const [isEditing, setEditing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const remove = async () => {
    const result = await call(api.DELETE('/api/posts/{id}/bookmark', { params: { path: { id: bookmark.id } } }));
    if (result.ok || result.problem.status === 404) onRemoved();
    else setProblem(result.problem);
  };
  return (
    <li class="bookmark" data-testid="bookmark">
      <Link href={topicPath({ id: bookmark.topicId, slug: bookmark.topicSlug }, bookmark.postNumber)} class="topic-title">
        {bookmark.topicTitle}
      </Link>
      <span class="small muted">
        {' '}
        · {bookmark.postNumber === 1 ? 'First post' : `Post #${bookmark.postNumber}`} by {bookmark.author.username ?? bookmark.author.displayName}
      </span>
      <p class="excerpt">{bookmark.excerpt}</p>
      {(bookmark.note || bookmark.remindAt) && !isEditing && (
        <p class="small">
          {bookmark.note && <span class="bookmark-note">Note: {bookmark.note}</span>}
          {bookmark.remindAt && <span class="muted"> · Remind me {formatDateTime(bookmark.remindAt)}</span>}
        </p>
      )}
      {isEditing ? (
        <NoteForm
          bookmark={bookmark}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onChange(next);
          }}
        />
      ) : (
        <div class="post-actions">
          <button type="button" class="button button-link" onClick={() => setEditing(true)}>
            Edit note<span class="visually-hidden"> for {bookmark.topicTitle}</span>
          </button>
          <button type="button" class="button button-link" onClick={() => void remove()}>
            Remove<span class="visually-hidden"> bookmark on {bookmark.topicTitle}</span>
          </button>
        </div>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem.message}
        </p>
      )}
    </li>
  );
}

function BookmarkList() {
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const list = usePagedList((cursor) => call(api.GET('/api/bookmarks', { params: { query: cursor ? { cursor } : {} } })), 'bookmarks');
  const items = list.items.filter((b) => !removed.has(b.id));
  return (
    <>
      {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
      {!list.isLoading && items.length === 0 && <p class="muted">No bookmarks yet. Use “Bookmark” under a post to keep it here.</p>}
      <ul class="bookmark-list plain-list" aria-label="Bookmarks">
        {items.map((b) => (
          <BookmarkItem
            key={b.id}
            bookmark={b}
            onChange={(next) => list.replaceItem((item) => item.id === next.id, next)}
            onRemoved={() => setRemoved((previous) => new Set(previous).add(b.id))}
          />
        ))}
      </ul>
      <ListFooter list={list} noun="bookmarks" moreLabel="Load more bookmarks" />
    </>
  );
}

export function BookmarksPage() {
  useTitle('Bookmarks');
  return (
    <section class="narrow">
      <h1>Bookmarks</h1>
      <RequireMember>{() => <BookmarkList />}</RequireMember>
    </section>
  );
}
