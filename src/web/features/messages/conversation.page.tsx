// A private conversation at /messages/:id: its messages, live replies, read tracking, a reply composer and "Leave".
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import { Loading, RequireMember } from '../../components/guards';
import { Link } from '../../components/link';
import { useUnread } from '../../lib/notifications';
import { useRealtimeEvents } from '../../lib/realtime';
import { navigate } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { Composer } from '../discussions/composer';
import { MessageItem } from './message-item';
import { peopleOf, type ConversationDetail, type Message } from './types';

function ReplyForm({ conversationId, onSent }: { conversationId: number; onSent: (message: Message) => void }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(api.POST('/api/messages/{id}/replies', { params: { path: { id: conversationId } }, body: { body } }));
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setBody('');
    setProblem(null);
    onSent(result.data);
  };
  return (
    <form class="reply-form" onSubmit={(event) => void submit(event)} aria-labelledby="message-reply-heading">
      <h2 id="message-reply-heading">Reply</h2>
      <Composer label="Your reply" idPrefix="message-reply" value={body} onInput={setBody} error={problem?.field === 'body' ? problem.message : undefined} />
      {problem && problem.field !== 'body' && (
        <p class="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy || !body.trim()}>
          Send reply
        </button>
      </div>
    </form>
  );
}

function LeaveButton({ conversationId }: { conversationId: number }) {
  const unread = useUnread();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const leave = async () => {
    if (!window.confirm('Leave this conversation? It leaves your inbox and you stop hearing about it. If you were added by name, you can no longer open it.')) return;
    const result = await call(api.DELETE('/api/messages/{id}/participation', { params: { path: { id: conversationId } } }));
    if (!result.ok) return setProblem(result.problem);
    unread.refresh();
    navigate('/messages');
  };
  return (
    <>
      <button type="button" class="button button-secondary button-small" onClick={() => void leave()}>
        Leave conversation
      </button>
      {problem && (
        <span class="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </>
  );
}

const merge = (previous: Message[], fresh: Message[]): Message[] => {
  const byId = new Map(fresh.map((m) => [m.id, m]));
  const known = new Set(previous.map((m) => m.id));
  return [...previous.map((m) => byId.get(m.id) ?? m), ...fresh.filter((m) => !known.has(m.id))];
};

function Conversation({ id, meId }: { id: number; meId: number }) {
  const unread = useUnread();
  const [conversation, setConversation] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastRead = useRef(0);
  const messagesRef = useRef<Message[]>([]);
  messagesRef.current = messages;
  useTitle(conversation?.title ?? 'Message');

  const markRead = useCallback(
    (number: number) => {
      if (number <= lastRead.current) return;
      lastRead.current = number;
      // Reading a conversation marks its notifications read, so the header count follows.
      void call(api.PUT('/api/messages/{id}/read', { params: { path: { id } }, body: { number } })).then(unread.refresh);
    },
    [id, unread.refresh],
  );

  useEffect(() => {
    let isCurrent = true;
    setConversation(null);
    setMessages([]);
    lastRead.current = 0;
    void call(api.GET('/api/messages/{id}', { params: { path: { id } } })).then((result) => {
      if (!isCurrent) return;
      if (!result.ok) return setProblem(result.problem);
      setProblem(null);
      setConversation(result.data);
      setMessages(result.data.messages);
      setNextAfter(result.data.nextAfter);
      lastRead.current = result.data.lastReadNumber;
    });
    return () => {
      isCurrent = false;
    };
  }, [id]);

  // Jump to a linked message once the messages are there.
  useEffect(() => {
    if (!conversation || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [conversation]);

  // Mark read as the last loaded message comes into view.
  const lastMessage = messages.at(-1);
  useEffect(() => {
    if (!lastMessage) return;
    const element = document.getElementById(`message-${lastMessage.number}`);
    if (!element || typeof IntersectionObserver === 'undefined') return markRead(lastMessage.number);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        markRead(lastMessage.number);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [lastMessage?.number, markRead]);

  const loadAfter = useCallback(
    async (isLive: boolean) => {
      const last = messagesRef.current.at(-1)?.number ?? 0;
      const result = await call(api.GET('/api/messages/{id}', { params: { path: { id }, query: { after: last } } }));
      if (!result.ok) return;
      if (!isLive) setNextAfter(result.data.nextAfter);
      const known = new Set(messagesRef.current.map((m) => m.id));
      const fresh = result.data.messages.filter((m) => !known.has(m.id));
      if (fresh.length === 0) return;
      setMessages((previous) => merge(previous, fresh));
      setConversation((previous) => (previous ? { ...previous, messageCount: result.data.messageCount, canReply: result.data.canReply } : previous));
      if (isLive) setAnnouncement(fresh.length === 1 ? `New message from ${fresh[0]?.author?.username ?? 'someone'}` : `${fresh.length} new messages`);
    },
    [id],
  );

  useRealtimeEvents(['message.created'], (data) => {
    if (data.conversationId !== id || !conversation) return;
    // More pages still to load: the new message arrives when the reader gets there.
    if (nextAfter !== null) return;
    void loadAfter(data.authorId !== meId);
  });

  // Edits and deletions by others: refresh the loaded messages quietly.
  useRealtimeEvents(['message.updated', 'message.deleted'], (data) => {
    if (data.conversationId !== id || data.authorId === meId || !conversation) return;
    void call(api.GET('/api/messages/{id}', { params: { path: { id } } })).then((result) => {
      if (result.ok) setMessages((previous) => previous.map((m) => result.data.messages.find((f) => f.id === m.id) ?? m));
    });
  });

  if (problem) {
    return (
      <>
        <h1>{problem.status === 404 ? 'Conversation not found' : 'Could not load this conversation'}</h1>
        <p>{problem.status === 404 ? 'It may not exist, or you do not take part in it.' : problem.message}</p>
        <p>
          <Link href="/messages">Back to your messages</Link>
        </p>
      </>
    );
  }
  if (!conversation) return <Loading />;
  const replace = (next: Message) => setMessages((previous) => previous.map((m) => (m.id === next.id ? next : m)));
  return (
    <>
      <p class="small">
        <Link href="/messages">← All messages</Link>
      </p>
      <h1>{conversation.title}</h1>
      <div class="conversation-head">
        <p class="muted" data-testid="conversation-people">
          Private conversation with {peopleOf(conversation, meId)}
        </p>
        <LeaveButton conversationId={id} />
      </div>
      <div class="posts messages">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} isMine={message.author?.id === meId} mayWrite={conversation.canReply} onChange={replace} />
        ))}
      </div>
      {nextAfter !== null && (
        <div class="list-footer">
          <button type="button" class="button button-secondary" onClick={() => void loadAfter(false)}>
            Load more messages
          </button>
        </div>
      )}
      <div class="live-region" role="status" aria-live="polite" data-testid="new-messages">
        {announcement && (
          <p class="alert alert-info">
            {announcement}{' '}
            <button type="button" class="button button-link" onClick={() => setAnnouncement('')}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {conversation.canReply ? (
        <ReplyForm conversationId={id} onSent={(message) => setMessages((previous) => merge(previous, [message]))} />
      ) : (
        <p class="muted">You cannot send messages for now.</p>
      )}
    </>
  );
}

export function ConversationPage({ id }: { id: number }) {
  return (
    <section class="conversation-page">
      <RequireMember>{(me) => <Conversation id={id} meId={me.id} />}</RequireMember>
    </section>
  );
}
