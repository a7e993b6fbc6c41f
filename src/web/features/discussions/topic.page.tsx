// A topic at /t/:slug/:id: its posts, reactions, reply composer, staff moderation, read tracking and live replies.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { Post, TopicDetail } from '../../api/types';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { useUnread } from '../../lib/notifications';
import { navigate } from '../../lib/router';
import { useRealtimeEvents } from '../../lib/realtime';
import { isStaff, useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { Composer } from './composer';
import { MyHeldReplies, useHeldReplies } from './my-held-replies';
import { NotificationLevelControl } from './notification-level';
import { chipStyle, spacePath } from './paths';
import { PostItem, type Respond } from './post-item';
import { quoteMarkdown } from './quote';
import { SplitMergeTools } from './split-merge';
import { TagChips } from './tag-chips';
import { TopicChangedNotice } from './topic-changes';
import { useSpaces } from './use-spaces';
import { HeldNotice, ModerationProblemLink } from '../moderation/held-notice';
import { isHeld, type HeldPost } from '../moderation/types';
import { ProgramTopicContext, TopicProgramFooters, TopicProgramPanels } from '../programs/slots';

type Flags = 'pinned' | 'locked' | 'closed';

function StaffControls({ topic, onChange }: { topic: TopicDetail; onChange: (next: Partial<TopicDetail>) => void }) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async (flag: Flags) => {
    setBusy(true);
    const result = await call(api.PATCH('/api/topics/{id}', { params: { path: { id: topic.id } }, body: { [flag]: !topic[flag] } }));
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      onChange({ pinned: result.data.pinned, locked: result.data.locked, closed: result.data.closed });
    } else setProblem(result.problem);
  };
  const labels: Record<Flags, [string, string]> = { pinned: ['Pin', 'Unpin'], locked: ['Lock', 'Unlock'], closed: ['Close', 'Reopen'] };
  return (
    <div class="staff-controls" role="group" aria-label="Moderation">
      {(Object.keys(labels) as Flags[]).map((flag) => (
        <button key={flag} type="button" class="button button-secondary button-small" aria-pressed={topic[flag] ? 'true' : 'false'} disabled={busy} onClick={() => void toggle(flag)}>
          {labels[flag][topic[flag] ? 1 : 0]}
        </button>
      ))}
      {problem && (
        <span class="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}

/** What the Reply and Quote buttons of a post ask of the reply form; seq tells one click from the next. */
interface ReplyDraft {
  replyTo: Post | null;
  insert: string;
  seq: number;
}

function ReplyForm({ topicId, onPosted, onHeld, draft, onClearReplyTo }: { topicId: number; onPosted: (post: Post) => void; onHeld: () => void; draft: ReplyDraft; onClearReplyTo: () => void }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [held, setHeld] = useState<HeldPost | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (draft.seq === 0) return;
    if (draft.insert) setBody((current) => (current.trim() === '' ? draft.insert : `${current.trimEnd()}\n\n${draft.insert}`));
    const box = form.current?.querySelector('textarea');
    box?.focus();
    box?.scrollIntoView({ block: 'center' });
  }, [draft.seq]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const payload = draft.replyTo ? { body, replyToPostId: draft.replyTo.id } : { body };
    const result = await call(api.POST('/api/topics/{id}/posts', { params: { path: { id: topicId } }, body: payload }));
    setBusy(false);
    if (result.ok) {
      setBody('');
      setProblem(null);
      onClearReplyTo();
      // A held reply is not shown in the topic: the author is told it waits for review, and why.
      if (isHeld(result.data)) {
        setHeld(result.data);
        onHeld();
      } else {
        setHeld(null);
        onPosted(result.data);
      }
    } else setProblem(result.problem);
  };
  return (
    <form class="reply-form" ref={form} onSubmit={(event) => void submit(event)} aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply</h2>
      {draft.replyTo && (
        <p class="muted" data-testid="replying-to">
          Replying to post #{draft.replyTo.postNumber} by @{draft.replyTo.author.username ?? draft.replyTo.author.displayName}{' '}
          <button type="button" class="button button-link" onClick={onClearReplyTo}>
            Cancel
          </button>
        </p>
      )}
      <Composer label="Your reply" idPrefix="reply" value={body} onInput={setBody} error={problem?.field === 'body' ? problem.message : undefined} />
      {problem && problem.field !== 'body' && (
        <p class="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      <ModerationProblemLink problem={problem} />
      <HeldNotice held={held} onDismiss={() => setHeld(null)} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy || !body.trim()}>
          Post reply
        </button>
      </div>
    </form>
  );
}

export function TopicPage({ id }: { id: number }) {
  const { me } = useSession();
  const unread = useUnread();
  const spaces = useSpaces();
  const [topic, setTopic] = useState<TopicDetail | null>(null);
  const [posts, setPosts] = useState<Post[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [newCount, setNewCount] = useState(0);
  const [draft, setDraft] = useState<ReplyDraft>({ replyTo: null, insert: '', seq: 0 });
  const lastRead = useRef(0);
  // Staff see held posts in the topic itself; members see their own listed after the posts.
  const heldReplies = useHeldReplies(id, me !== null && !isStaff(me));
  const postsRef = useRef<Post[]>([]);
  postsRef.current = posts;
  useTitle(topic?.title ?? 'Topic');

  const markRead = useCallback(
    (postNumber: number) => {
      if (!me || postNumber <= lastRead.current) return;
      lastRead.current = postNumber;
      // Reading a topic marks its notifications read, so the header count follows.
      void call(api.PUT('/api/topics/{id}/read', { params: { path: { id } }, body: { postNumber } })).then(unread.refresh);
    },
    [id, me, unread.refresh],
  );

  useEffect(() => {
    let isCurrent = true;
    setTopic(null);
    setPosts([]);
    lastRead.current = 0;
    void call(api.GET('/api/topics/{id}', { params: { path: { id } } })).then((result) => {
      if (!isCurrent) return;
      if (!result.ok) return setProblem(result.problem);
      setProblem(null);
      setTopic(result.data);
      setPosts(result.data.posts);
      setNextAfter(result.data.nextAfter);
    });
    return () => {
      isCurrent = false;
    };
  }, [id, me?.id]);

  // Jump to a linked post once the posts are there.
  useEffect(() => {
    if (!topic || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [topic]);

  // Mark read as the last loaded post comes into view.
  const lastPost = posts.at(-1);
  useEffect(() => {
    if (!lastPost || !me) return;
    const element = document.getElementById(`post-${lastPost.postNumber}`);
    if (!element || typeof IntersectionObserver === 'undefined') return markRead(lastPost.postNumber);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        markRead(lastPost.postNumber);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [lastPost?.postNumber, me, markRead]);

  const loadAfter = useCallback(
    async (isLive: boolean) => {
      const last = postsRef.current.at(-1)?.postNumber ?? 0;
      const result = await call(api.GET('/api/topics/{id}', { params: { path: { id }, query: { after: last } } }));
      if (!result.ok) return;
      const known = new Set(postsRef.current.map((p) => p.id));
      const fresh = result.data.posts.filter((p) => !known.has(p.id));
      if (!isLive) setNextAfter(result.data.nextAfter);
      if (fresh.length === 0) return;
      setPosts((previous) => [...previous, ...fresh.filter((p) => !previous.some((q) => q.id === p.id))]);
      setTopic((previous) => (previous ? { ...previous, replyCount: result.data.replyCount, canReply: result.data.canReply } : previous));
      if (isLive) {
        setNewCount((count) => {
          const total = count + fresh.length;
          setAnnouncement(`${total} new ${total === 1 ? 'reply' : 'replies'}`);
          return total;
        });
      }
    },
    [id],
  );

  useRealtimeEvents(['post.created'], (data) => {
    if (data.topicId !== id || !topic) return;
    if (data.authorId === me?.id) {
      // One of the member's own: just posted here, or a held reply a moderator approved.
      heldReplies.reload();
      return void loadAfter(false);
    }
    // More pages still to load: the new post arrives when the reader gets there.
    if (nextAfter !== null) return;
    void loadAfter(true);
  });

  // A moderator's decision on a held reply reaches its author as a notification: the waiting list follows.
  useRealtimeEvents(['notification.created'], () => {
    if ((heldReplies.data?.items.length ?? 0) > 0) heldReplies.reload();
  });

  // Edits and reactions by others: refresh the loaded posts quietly.
  useRealtimeEvents(['post.updated', 'reaction.added', 'reaction.removed'], (data) => {
    if (data.topicId !== id || data.memberId === me?.id || !topic) return;
    void call(api.GET('/api/topics/{id}', { params: { path: { id } } })).then((result) => {
      if (!result.ok) return;
      const fresh = new Map(result.data.posts.map((p) => [p.id, p]));
      setPosts((previous) => previous.map((p) => fresh.get(p.id) ?? p));
    });
  });

  if (problem) {
    return (
      <section>
        <h1>{problem.status === 404 ? 'Topic not found' : 'Could not load this topic'}</h1>
        <p>{problem.status === 404 ? 'It may have been deleted, or you may not have access.' : problem.message}</p>
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      </section>
    );
  }
  if (!topic) return <Loading />;
  const shown = topic;
  const respond: Respond = (post, how) =>
    setDraft((current) => ({ replyTo: post, insert: how === 'quote' ? quoteMarkdown(post, shown) : '', seq: current.seq + 1 }));
  const space = spaces.data?.items.find((s) => s.id === topic.spaceId);
  const replacePost = (next: Post) => setPosts((previous) => previous.map((p) => (p.id === next.id ? next : p)));
  const onDeleted = (post: Post) => {
    if (post.postNumber === 1) return navigate(space ? spacePath(space) : '/');
    setPosts((previous) => previous.map((p) => (p.id === post.id ? { ...p, deleted: true, html: '' } : p)));
  };
  return (
    <section class="topic-page">
      <p class="small">
        {space && (
          <Link href={spacePath(space)} class="space-chip">
            <span class="space-dot" style={chipStyle(space.color)} aria-hidden="true" />
            {space.name}
          </Link>
        )}
      </p>
      <h1>{topic.title}</h1>
      <p class="topic-flags">
        {topic.pinned && <span class="badge">Pinned</span>}
        {topic.locked && <span class="badge badge-warn">Locked</span>}
        {topic.closed && <span class="badge badge-warn">Closed</span>}
        <TagChips tags={topic.tags} />
      </p>
      {isStaff(me) && <StaffControls topic={topic} onChange={(next) => setTopic({ ...topic, ...next })} />}
      {isStaff(me) && <SplitMergeTools topic={topic} posts={posts} />}
      <TopicChangedNotice topic={topic} />
      {me && <NotificationLevelControl kind="topic" id={topic.id} level={topic.notificationLevel} />}
      {space && <TopicProgramPanels topic={topic} space={space} />}
      <ProgramTopicContext.Provider value={space ? { topic, space } : null}>
        <div class="posts">
          {posts.map((post) => (
            <PostItem key={post.id} post={post} onChange={replacePost} onDeleted={onDeleted} mayWrite={!topic.locked} onRespond={topic.canReply ? respond : undefined} />
          ))}
        </div>
      </ProgramTopicContext.Provider>
      {nextAfter !== null && (
        <div class="list-footer">
          <button type="button" class="button button-secondary" onClick={() => void loadAfter(false)}>
            Load more posts
          </button>
        </div>
      )}
      <MyHeldReplies held={heldReplies} />
      {space && <TopicProgramFooters topic={topic} space={space} />}
      <div class="live-region" role="status" aria-live="polite" data-testid="new-replies">
        {newCount > 0 && (
          <p class="alert alert-info">
            {announcement}{' '}
            <button
              type="button"
              class="button button-link"
              onClick={() => {
                setNewCount(0);
                setAnnouncement('');
              }}
            >
              Dismiss
            </button>
          </p>
        )}
      </div>
      {me && topic.canReply ? (
        <ReplyForm
          topicId={topic.id}
          draft={draft}
          onHeld={heldReplies.reload}
          onClearReplyTo={() => setDraft((current) => ({ ...current, replyTo: null, insert: '' }))}
          onPosted={(post) => setPosts((previous) => (previous.some((p) => p.id === post.id) ? previous : [...previous, post]))}
        />
      ) : me ? (
        <p class="muted">{topic.locked ? 'This topic is locked.' : topic.closed ? 'This topic is closed to new replies.' : 'You cannot reply here.'}</p>
      ) : (
        <p>
          <Link href={`/login?next=${encodeURIComponent(window.location.pathname)}`}>Log in</Link> to reply.
        </p>
      )}
    </section>
  );
}
