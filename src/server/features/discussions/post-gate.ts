// The checkpoint every new topic and reply passes before it is written. Discussions owns the
// interface; moderation (automod, classifiers, sanctions, limits) supplies the gate. A gate throws an
// AppError to refuse a post, or answers whether it is published or held for review.
import type { Queryable } from '../../platform/db/database';

export interface PostDraft {
  kind: 'topic' | 'reply';
  authorId: number;
  spaceId: number;
  /** Null for a new topic (it does not exist yet). */
  topicId: number | null;
  title: string | null;
  markdown: string;
  /** The Markdown rendered (once, for the gate and for the stored post). */
  html: string;
  /** The post a reply answers, if any. */
  replyToPostId: number | null;
  at: Date;
}

/** Why a post waits for review, as its author is told. */
export interface HeldReason {
  source: 'automod' | 'classifier' | 'first_post' | 'flags';
  ruleId: number | null;
  rule: string | null;
  message: string;
  guideline: string | null;
  evidence: string[];
}

export interface GateVerdict {
  /** Held posts are written, but soft-deleted with moderation_state 'held' until a moderator approves them. */
  held: HeldReason | null;
  /** Tags automod adds to a new topic. */
  tags: string[];
  /** Runs inside the transaction that wrote the post (scores, review item, rule hits). */
  record(trx: Queryable, written: { postId: number; topicId: number }): Promise<void>;
  /** Runs after commit (moderator notices, sanctions from rules). */
  afterCommit(written: { postId: number; topicId: number }): Promise<void>;
}

export interface PostGate {
  check(draft: PostDraft): Promise<GateVerdict>;
}

const published: GateVerdict = { held: null, tags: [], record: async () => undefined, afterCommit: async () => undefined };

/** Lets everything through: for tools and tests that run discussions without moderation. */
export const openGate: PostGate = { check: async () => published };

/** What POST /api/topics and POST /api/topics/{id}/posts answer (202) for a held post. */
export interface HeldPost {
  id: number;
  topicId: number;
  status: 'held';
  reason: HeldReason;
}
