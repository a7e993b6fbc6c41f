// Typed domain events, emitted after commit. Handlers run in this process, and a transport carries
// every event to the other Hearth processes on the same database: Redis pub/sub when REDIS_URL is
// set, otherwise PostgreSQL LISTEN/NOTIFY (so even a CLI process can end a session in the server).
import crypto from 'node:crypto';
import type { Logger } from './logger';

export interface DomainEvents {
  'member.joined': { memberId: number; username: string };
  'member.updated': { memberId: number };
  /** Every session and API key of the member must be re-read (password change, suspension, role change). */
  'member.credentialsChanged': { memberId: number };
  'session.revoked': { tokenHash: string; memberId: number };
  'apiKey.revoked': { keyHash: string; memberId: number };
  'settings.updated': { keys: string[] };
  /** Named group membership changed; null: any member (the group was deleted). */
  'group.membersChanged': { groupId: number; memberIds: number[] | null };
  // Discussions: ids only, so that subscribers (realtime) re-check what a viewer may see.
  'space.created': { spaceId: number };
  'space.updated': { spaceId: number };
  'topic.created': { topicId: number; spaceId: number; postId: number; authorId: number };
  'topic.updated': { topicId: number; spaceId: number };
  'topic.deleted': { topicId: number; spaceId: number };
  /** Staff moved the topic from fromSpaceId to spaceId. */
  'topic.moved': { topicId: number; spaceId: number; fromSpaceId: number };
  /** Staff moved some replies of topicId into the new topic newTopicId (discussions/split-merge). */
  'topic.split': { topicId: number; spaceId: number; newTopicId: number };
  /** Staff merged topicId into intoTopicId; topicId is left closed and deleted, pointing there. */
  'topic.merged': { topicId: number; spaceId: number; intoTopicId: number };
  'post.created': { postId: number; topicId: number; spaceId: number; authorId: number };
  'post.updated': { postId: number; topicId: number; spaceId: number };
  'post.deleted': { postId: number; topicId: number; spaceId: number };
  'reaction.added': { postId: number; topicId: number; spaceId: number; memberId: number; emoji: string };
  'reaction.removed': { postId: number; topicId: number; spaceId: number; memberId: number; emoji: string };
  /** The member's read position or notification level in a topic or space changed. */
  'topic.viewerStateChanged': { memberId: number; topicId: number | null };
  // Private messages: ids only, so that subscribers (realtime) re-read who takes part.
  'message.created': { messageId: number; conversationId: number; authorId: number };
  'message.updated': { messageId: number; conversationId: number; authorId: number };
  'message.deleted': { messageId: number; conversationId: number; authorId: number };
  /** A notification for memberId was created or (a collapsed reaction) bumped; realtime can deliver it. */
  'notification.created': { memberId: number; notificationId: number };
  /** A review queue item arrived (or an open one grew), or was claimed, released or decided; realtime tells whoever works it. */
  'review.changed': { itemId: number; kind: string; spaceId: number | null; change: 'added' | 'claimed' | 'released' | 'decided' };
  /** Automod rules were added, changed, reordered or removed. */
  'moderation.rulesChanged': { ruleId: number | null };
  /** A classifier was retrained; every process loads the newest model. */
  'moderation.modelsChanged': { kinds: string[] };
  /** An idea's vote count changed (a vote or one taken back); realtime shows the new count to whoever sees the space. */
  'idea.votesChanged': { topicId: number; spaceId: number; votes: number };
  /** A question's answers changed in votes or acceptance; open pages read its Q&A facts again. */
  'qa.changed': { topicId: number; spaceId: number };
  /** Staff changed an idea's status (ideas boards), with its public comment; also on a merge (status 'duplicate'). */
  'idea.statusChanged': { topicId: number; spaceId: number; status: string; comment: string; actorId: number };
  /** An announcement was posted, changed or deleted: every process drops its cached active announcements. */
  'announcement.changed': { announcementId: number };
  'job.progress': { jobId: string; queue: string; percent: number; message: string };
}

export type EventName = keyof DomainEvents;
export type EventHandler<N extends EventName> = (payload: DomainEvents[N], meta: { remote: boolean }) => void | Promise<void>;

/** Carries serialized events between processes. */
export interface EventTransport {
  readonly name: string;
  publish(message: string): Promise<void>;
  subscribe(onMessage: (message: string) => void): Promise<void>;
}

interface Envelope {
  origin: string;
  name: EventName;
  payload: unknown;
}

export class EventBus {
  readonly origin = crypto.randomUUID();
  readonly #handlers = new Map<EventName, EventHandler<EventName>[]>();
  #transport: EventTransport | undefined;

  constructor(private readonly logger: Logger) {}

  on<N extends EventName>(name: N, handler: EventHandler<N>): void {
    const list = this.#handlers.get(name) ?? [];
    list.push(handler as EventHandler<EventName>);
    this.#handlers.set(name, list);
  }

  /** Runs local handlers (awaited, errors logged) and fans the event out to other processes. */
  async emit<N extends EventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    if (this.#transport) {
      const envelope: Envelope = { origin: this.origin, name, payload };
      try {
        await this.#transport.publish(JSON.stringify(envelope));
      } catch (error) {
        this.logger.error({ err: error, event: name, transport: this.#transport.name }, 'could not publish event to other processes');
      }
    }
    await this.#dispatch(name, payload, false);
  }

  /** Receives other processes' events through the transport, and sends ours through it. */
  async connect(transport: EventTransport): Promise<void> {
    await transport.subscribe((message) => {
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message) as Envelope;
      } catch {
        return;
      }
      if (envelope.origin === this.origin) return;
      void this.#dispatch(envelope.name, envelope.payload as DomainEvents[EventName], true);
    });
    this.#transport = transport;
  }

  async #dispatch<N extends EventName>(name: N, payload: DomainEvents[N], remote: boolean): Promise<void> {
    for (const handler of this.#handlers.get(name) ?? []) {
      try {
        await handler(payload, { remote });
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'event handler failed');
      }
    }
  }
}
