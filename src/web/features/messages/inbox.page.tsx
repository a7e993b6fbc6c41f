// The member's private conversations at /messages: latest activity first, unread ones marked, with search.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Field } from '../../components/form';
import { RequireMember } from '../../components/guards';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { formatDateTime } from '../../lib/format';
import { useRealtimeEvents } from '../../lib/realtime';
import { useTitle } from '../../lib/site';
import { usePagedList } from '../../lib/use-paged-list';
import { conversationPath } from './paths';
import { peopleOf, type Conversation } from './types';

function ConversationRow({ conversation, meId }: { conversation: Conversation; meId: number }) {
  const isUnread = conversation.unreadCount > 0;
  const last = conversation.lastAuthor;
  return (
    <li class={`topic-row conversation-row${isUnread ? ' unread' : ''}`} data-testid="conversation-row">
      <div class="topic-main">
        <Link href={conversationPath(conversation.id, isUnread ? conversation.lastReadNumber + 1 : null)} class="topic-title">
          {isUnread && <span class="visually-hidden">Unread: </span>}
          {conversation.title}
        </Link>
        {isUnread && (
          <span class="badge badge-unread" data-testid="conversation-unread">
            {conversation.unreadCount} new
          </span>
        )}
      </div>
      <div class="topic-meta small muted">
        <span>With {peopleOf(conversation, meId)}</span>
        <span>
          {conversation.messageCount} {conversation.messageCount === 1 ? 'message' : 'messages'}
        </span>
        <span>
          Last {last ? `from ${last.username ?? last.displayName} ` : ''}
          <time dateTime={conversation.lastMessageAt}>{formatDateTime(conversation.lastMessageAt)}</time>
        </span>
      </div>
    </li>
  );
}

function Inbox({ meId }: { meId: number }) {
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState('');
  const list = usePagedList(
    (cursor) => call(api.GET('/api/messages', { params: { query: { ...(cursor ? { cursor } : {}), ...(query ? { q: query } : {}) } } })),
    query,
  );
  // New messages move conversations up and change unread counts: reload the first page.
  useRealtimeEvents(['message.created', 'message.deleted'], () => list.reload());
  return (
    <>
      <form
        class="filters inbox-search"
        role="search"
        aria-label="Search your messages"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(draft.trim());
        }}
      >
        <Field label="Search your messages" name="q" type="search" maxLength={200} markOptional={false} value={draft} onInput={(event) => setDraft(event.currentTarget.value)} />
        <div class="form-actions">
          <button type="submit" class="button button-secondary">
            Search
          </button>
          {query && (
            <button
              type="button"
              class="button button-link"
              onClick={() => {
                setDraft('');
                setQuery('');
              }}
            >
              Show all
            </button>
          )}
        </div>
      </form>
      {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
      {!list.isLoading && list.items.length === 0 && <p class="muted">{query ? 'No conversation matches.' : 'No messages yet.'}</p>}
      {list.items.length > 0 && (
        <ul class="topic-list conversation-list" aria-label="Your conversations">
          {list.items.map((conversation) => (
            <ConversationRow key={conversation.id} conversation={conversation} meId={meId} />
          ))}
        </ul>
      )}
      <ListFooter list={list} noun="conversations" moreLabel="Load more conversations" />
    </>
  );
}

export function InboxPage() {
  useTitle('Messages');
  return (
    <section class="inbox-page">
      <div class="page-head">
        <h1>Messages</h1>
        <Link href="/messages/new" class="button button-primary">
          New message
        </Link>
      </div>
      <RequireMember>{(me) => <Inbox meId={me.id} />}</RequireMember>
    </section>
  );
}
