// One post: author, time, edited marker, server-sanitized HTML, reactions, and edit/delete for its author.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { Post, ReactionEmoji } from '../../api/types';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { isStaff, useSession } from '../../lib/session';
import { BookmarkButton } from './bookmark-button';
import { Composer } from './composer';
import { FlagButton } from '../moderation/flag-button';
import { PostProgramActions } from '../programs/slots';
import { RemovedPostNote } from '../moderation/removed-post-note';

export const reactionSet: ReactionEmoji[] = ['👍', '❤️', '😂', '🎉', '😮', '🙏'];

function Reactions({ post, onChange, canReact }: { post: Post; onChange: (post: Post) => void; canReact: boolean }) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async (emoji: ReactionEmoji) => {
    setBusy(true);
    setProblem(null);
    const current = post.reactions.find((r) => r.emoji === emoji);
    if (current?.reacted) {
      const result = await call(api.DELETE('/api/posts/{id}/reactions/{emoji}', { params: { path: { id: post.id, emoji } } }));
      if (result.ok) {
        const reactions = post.reactions.map((r) => (r.emoji === emoji ? { ...r, count: r.count - 1, reacted: false } : r)).filter((r) => r.count > 0);
        onChange({ ...post, reactions });
      } else setProblem(result.problem);
    } else {
      const result = await call(api.POST('/api/posts/{id}/reactions', { params: { path: { id: post.id } }, body: { emoji } }));
      if (result.ok) onChange({ ...post, reactions: result.data.reactions });
      else setProblem(result.problem);
    }
    setBusy(false);
  };
  return (
    <div class="reactions" role="group" aria-label="Reactions">
      {reactionSet.map((emoji) => {
        const reaction = post.reactions.find((r) => r.emoji === emoji);
        const count = reaction?.count ?? 0;
        if (!canReact && count === 0) return null;
        return (
          <button
            key={emoji}
            type="button"
            class={`reaction${reaction?.reacted ? ' reacted' : ''}`}
            aria-pressed={reaction?.reacted ? 'true' : 'false'}
            aria-label={`${emoji} ${count} ${count === 1 ? 'reaction' : 'reactions'}`}
            disabled={!canReact || busy}
            onClick={() => void toggle(emoji)}
          >
            <span aria-hidden="true">{emoji}</span>
            {count > 0 && <span aria-hidden="true"> {count}</span>}
          </button>
        );
      })}
      {problem && (
        <span class="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}

/** How a member answers a post from the topic page: reply to it, or quote it in the reply. */
export type Respond = (post: Post, how: 'reply' | 'quote') => void;

export function PostItem({ post, onChange, onDeleted, mayWrite, onRespond }: { post: Post; onChange: (post: Post) => void; onDeleted: (post: Post) => void; mayWrite: boolean; onRespond?: Respond }) {
  const { me } = useSession();
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.body);
  // The revision the edit started from; live refreshes of the post must not move it, or conflicts would go unnoticed.
  const [baseRevision, setBaseRevision] = useState(post.revision);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const isMine = me !== null && me.id === post.author.id;
  const mayManage = (isMine && mayWrite) || isStaff(me);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(api.PATCH('/api/posts/{id}', { params: { path: { id: post.id } }, body: { body: draft, revision: baseRevision } }));
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      setEditing(false);
      onChange(result.data);
    } else if (result.problem.status === 409 && result.problem.code === 'edit_conflict') {
      setProblem({ ...result.problem, message: 'Someone else edited this post since you opened it. Reload the page to see their version, then edit again.' });
    } else setProblem(result.problem);
  };

  const remove = async () => {
    if (!window.confirm(post.postNumber === 1 ? 'Delete this post? The first post deletes the whole topic.' : 'Delete this post?')) return;
    setBusy(true);
    const result = await call(api.DELETE('/api/posts/{id}', { params: { path: { id: post.id } } }));
    setBusy(false);
    if (result.ok) onDeleted(post);
    else setProblem(result.problem);
  };

  const author = post.author.username ?? post.author.displayName;
  return (
    <article class="post" id={`post-${post.postNumber}`} data-testid="post" aria-labelledby={`post-${post.id}-by`}>
      <header class="post-head">
        <span id={`post-${post.id}-by`}>
          {post.author.username ? <Link href={`/u/${encodeURIComponent(post.author.username)}`}>{author}</Link> : author}
        </span>
        <span class="small muted">
          <a href={`#post-${post.postNumber}`}>
            <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          </a>
          {post.editedAt && (
            <span class="edited" title={`Edited ${formatDateTime(post.editedAt)}`}>
              {' '}
              · edited
            </span>
          )}
        </span>
      </header>
      {isEditing ? (
        <form onSubmit={(event) => void save(event)} class="edit-form">
          <Composer label="Edit post" idPrefix={`edit-${post.id}`} value={draft} onInput={setDraft} />
          {problem && (
            <p class="alert alert-error" role="alert">
              {problem.message}
            </p>
          )}
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setEditing(false);
                setDraft(post.body);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : post.deleted ? (
        <RemovedPostNote state={post.moderationState} isMine={isMine} />
      ) : (
        // The server renders Markdown and sanitizes the HTML.
        <div class="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      )}
      {!post.deleted && !isEditing && (
        <footer class="post-foot">
          <Reactions post={post} onChange={onChange} canReact={me !== null} />
          <PostProgramActions post={post} />
          {me && <BookmarkButton post={post} onChange={onChange} />}
          {me && !isMine && <FlagButton postId={post.id} postNumber={post.postNumber} />}
          {me && onRespond && (
            <div class="post-actions">
              <button type="button" class="button button-link" onClick={() => onRespond(post, 'reply')} aria-label={`Reply to post ${post.postNumber}`}>
                Reply
              </button>
              <button type="button" class="button button-link" onClick={() => onRespond(post, 'quote')} aria-label={`Quote post ${post.postNumber}`}>
                Quote
              </button>
            </div>
          )}
          {mayManage && (
            <div class="post-actions">
              <button type="button" class="button button-link" onClick={() => {
                  setDraft(post.body);
                  setBaseRevision(post.revision);
                  setEditing(true);
                }}>
                Edit
              </button>
              <button type="button" class="button button-link" onClick={() => void remove()} disabled={busy}>
                Delete
              </button>
            </div>
          )}
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
