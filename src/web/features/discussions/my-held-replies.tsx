// Under a topic's posts, a member's own replies that moderation holds: they stay out of the topic for
// everyone else until a moderator approves them, so their author sees them waiting here, also after a reload.
// Staff see held posts in the topic itself and need none of this.
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { MyHeldPosts } from '../../api/types';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { useResource, type Resource } from '../../lib/use-resource';
import { minePath } from '../moderation/paths';

const none: MyHeldPosts = { items: [] };

/** The member's held replies in the topic; call reload() after posting one or when one is approved. */
export function useHeldReplies(topicId: number, enabled: boolean): Resource<MyHeldPosts> {
  return useResource(() => (enabled ? call(api.GET('/api/topics/{id}/held-posts', { params: { path: { id: topicId } } })) : Promise.resolve({ ok: true as const, data: none })), [topicId, enabled]);
}

export function MyHeldReplies({ held }: { held: Resource<MyHeldPosts> }) {
  const items = held.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section class="alert alert-warn my-held-replies" aria-labelledby="my-held-heading" data-testid="my-held-replies">
      <h2 id="my-held-heading" class="held-title">
        {items.length === 1 ? 'Your reply is waiting for review' : `${items.length} of your replies are waiting for review`}
      </h2>
      <p class="small">Only you can see {items.length === 1 ? 'it' : 'them'} until a moderator approves.</p>
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.id} class="my-held-reply">
            <p class="excerpt">{item.excerpt}</p>
            <p class="small muted">
              Written {formatDateTime(item.createdAt)} · <Link href={`${minePath}?post=${item.id}`}>Why, and what happens next</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
