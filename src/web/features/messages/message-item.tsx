// One message of a conversation: author, time, edited marker, server-sanitized HTML, and edit/delete for its author.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { Composer } from '../discussions/composer';
import type { Message } from './types';

interface MessageItemProps {
  message: Message;
  isMine: boolean;
  mayWrite: boolean;
  onChange: (message: Message) => void;
}

export function MessageItem({ message, isMine, mayWrite, onChange }: MessageItemProps) {
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(api.PATCH('/api/messages/replies/{id}', { params: { path: { id: message.id } }, body: { body: draft } }));
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setEditing(false);
    onChange(result.data);
  };

  const remove = async () => {
    if (!window.confirm('Delete this message? Everyone in the conversation will see that it was deleted.')) return;
    setBusy(true);
    const result = await call(api.DELETE('/api/messages/replies/{id}', { params: { path: { id: message.id } } }));
    setBusy(false);
    if (result.ok) onChange({ ...message, deleted: true, body: '', html: '' });
    else setProblem(result.problem);
  };

  const author = message.author ? (message.author.username ?? message.author.displayName) : 'A former member';
  const headingId = `message-${message.id}-by`;
  return (
    <article class="post message" id={`message-${message.number}`} data-testid="message" aria-labelledby={headingId}>
      <header class="post-head">
        <span id={headingId}>{message.author?.username ? <Link href={`/u/${encodeURIComponent(message.author.username)}`}>{author}</Link> : author}</span>
        <span class="small muted">
          <a href={`#message-${message.number}`}>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </a>
          {message.editedAt && (
            <span class="edited" title={`Edited ${formatDateTime(message.editedAt)}`}>
              {' '}
              · edited
            </span>
          )}
        </span>
      </header>
      {isEditing ? (
        <form onSubmit={(event) => void save(event)} class="edit-form">
          <Composer label="Edit message" idPrefix={`edit-message-${message.id}`} value={draft} onInput={setDraft} error={problem?.field === 'body' ? problem.message : undefined} />
          {problem && problem.field !== 'body' && (
            <p class="alert alert-error" role="alert">
              {problem.message}
            </p>
          )}
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={busy || !draft.trim()}>
              Save
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setEditing(false);
                setDraft(message.body);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : message.deleted ? (
        <p class="muted">This message was deleted.</p>
      ) : (
        // The server renders Markdown and sanitizes the HTML, as for posts.
        <div class="post-body" dangerouslySetInnerHTML={{ __html: message.html }} />
      )}
      {isMine && mayWrite && !message.deleted && !isEditing && (
        <footer class="post-foot">
          <div class="post-actions">
            <button
              type="button"
              class="button button-link"
              onClick={() => {
                setDraft(message.body);
                setEditing(true);
              }}
            >
              Edit
            </button>
            <button type="button" class="button button-link" onClick={() => void remove()} disabled={busy}>
              Delete
            </button>
          </div>
          {problem && (
            <p class="field-error" role="alert">
              {problem.message}
            </p>
          )}
        </footer>
      )}
    </article>
  );
}
