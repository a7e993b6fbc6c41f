// The member's notifications at /notifications, newest first, with "Mark all read".
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { Notification } from '../../api/types';
import { RequireMember } from '../../components/guards';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { formatDateTime } from '../../lib/format';
import { useUnread } from '../../lib/notifications';
import { safeNext } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { usePagedList } from '../../lib/use-paged-list';
import { topicPath } from '../discussions/paths';
import { conversationPath } from '../messages/paths';

function describe(n: Notification): string {
  const who = n.actor ? (n.actor.username ?? n.actor.displayName) : 'Someone';
  switch (n.type) {
    case 'reply':
      return `${who} replied`;
    case 'mention':
      return `${who} mentioned you`;
    case 'quote':
      return `${who} quoted you`;
    case 'reaction':
      return n.count > 1 ? `${who} and ${n.count - 1} more reacted ${n.emoji ?? ''}` : `${who} reacted ${n.emoji ?? ''}`;
    case 'watching':
      return `${who} posted`;
    case 'message':
      return n.count > 1 ? `${n.count} new messages, the latest from ${who},` : `${who} sent you a message`;
    case 'bookmark':
      return 'Reminder: you bookmarked a post';
    case 'moderation':
    case 'notice':
      return n.notice ? `${n.title}: ${n.notice.text}` : n.title;
  }
}

function hrefOf(n: Notification): string {
  if (n.type === 'moderation') return n.notice?.url ? safeNext(n.notice.url) : '/moderation/mine';
  if (n.type === 'notice') return n.notice?.url ? safeNext(n.notice.url) : '/notifications';
  if (n.type === 'message' && n.conversationId !== null) return conversationPath(n.conversationId, n.messageNumber);
  return n.topicId === null ? '/notifications' : topicPath({ id: n.topicId }, n.postNumber);
}

function NotificationList() {
  const unread = useUnread();
  const list = usePagedList((cursor) => call(api.GET('/api/notifications', { params: { query: cursor ? { cursor } : {} } })), String(unread.unreadCount > 0));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const markAll = async () => {
    const result = await call(api.POST('/api/notifications/read', { body: {} }));
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    unread.set(result.data.unreadCount);
    list.reload();
  };
  return (
    <>
      <p class="actions">
        <button type="button" class="button button-secondary" onClick={() => void markAll()} disabled={unread.unreadCount === 0}>
          Mark all read
        </button>
      </p>
      {problem && (
        <p class="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
      {!list.isLoading && list.items.length === 0 && <p class="muted">Nothing yet.</p>}
      <ul class="notification-list plain-list">
        {list.items.map((n) => (
          <li key={n.id} class={n.readAt ? 'notification' : 'notification unread'}>
            <Link href={hrefOf(n)}>
              {!n.readAt && <span class="visually-hidden">Unread: </span>}
              {n.type === 'moderation' || n.type === 'notice' ? describe(n) : `${describe(n)} in “${n.title}”`}
            </Link>{' '}
            <span class="small muted">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </span>
          </li>
        ))}
      </ul>
      <ListFooter list={list} noun="notifications" moreLabel="Load more notifications" />
    </>
  );
}

export function NotificationsPage() {
  useTitle('Notifications');
  return (
    <section class="narrow">
      <h1>Notifications</h1>
      <RequireMember>{() => <NotificationList />}</RequireMember>
    </section>
  );
}
