// Bookmark toggle on a post, for signed-in members; the post carries whether the viewer bookmarked it.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { Post } from '../../api/types';

export function BookmarkButton({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    const params = { params: { path: { id: post.id } } };
    const result = post.bookmarked ? await call(api.DELETE('/api/posts/{id}/bookmark', params)) : await call(api.POST('/api/posts/{id}/bookmark', { ...params, body: {} }));
    setBusy(false);
    // Already gone counts as taken off.
    if (result.ok || (post.bookmarked && result.problem.status === 404)) {
      setProblem(null);
      onChange({ ...post, bookmarked: !post.bookmarked });
    } else setProblem(result.problem);
  };
  return (
    <span class="bookmark-toggle">
      <button
        type="button"
        class={`button button-link bookmark-button${post.bookmarked ? ' is-bookmarked' : ''}`}
        aria-pressed={post.bookmarked ? 'true' : 'false'}
        data-testid="bookmark-button"
        disabled={busy}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true">{post.bookmarked ? '★' : '☆'}</span> Bookmark<span class="visually-hidden"> post {post.postNumber}</span>
      </button>
      {problem && (
        <span class="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </span>
  );
}
