// Pure decisions: which level applies, and who hears about a new post or reaction, as what.
import type { NotificationLevel, NotificationType } from '../../platform/db/schema';

export const LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const satisfies readonly NotificationLevel[];
export const NOTIFICATION_TYPES = ['reply', 'mention', 'quote', 'reaction', 'watching', 'message', 'moderation', 'notice', 'bookmark'] as const satisfies readonly NotificationType[];

export const notificationLimits = { pageDefault: 20, pageMax: 100, readIdsMax: 500 } as const;

/** A topic's own level wins; otherwise the space's; otherwise normal. */
export function effectiveLevel(topicLevel: NotificationLevel | undefined, spaceLevel: NotificationLevel | undefined): NotificationLevel {
  return topicLevel ?? spaceLevel ?? 'normal';
}

export interface NewPostFacts {
  authorId: number;
  /** Members named with @ in the post (already resolved to ids). */
  mentionedIds: readonly number[];
  /** The author of the post replied to, or of the topic when the post replies to no post in particular. */
  repliedToId: number | null;
  /** Authors of the posts it quotes. */
  quotedIds?: readonly number[];
  /** Effective level of every member who set one on the topic or its space. */
  levels: ReadonlyMap<number, NotificationLevel>;
}

/**
 * One notification per member per post, the most specific kind winning: mention, then quote, then
 * reply, then watching. Nobody hears about their own post. Muted (topic or space) silences replies and watching
 * but not direct mentions, as in Discourse: someone calling you by name still reaches you.
 */
export function recipientsOfPost(facts: NewPostFacts): Map<number, NotificationType> {
  const out = new Map<number, NotificationType>();
  const levelOf = (id: number): NotificationLevel => facts.levels.get(id) ?? 'normal';
  for (const [id, level] of facts.levels) if (level === 'watching') out.set(id, 'watching');
  if (facts.repliedToId !== null && levelOf(facts.repliedToId) !== 'muted') out.set(facts.repliedToId, 'reply');
  for (const id of facts.quotedIds ?? []) if (levelOf(id) !== 'muted') out.set(id, 'quote');
  for (const id of facts.mentionedIds) out.set(id, 'mention');
  out.delete(facts.authorId);
  return out;
}

/** Reactions reach the post's author unless they reacted themselves or muted the topic. */
export function reactionReaches(postAuthorId: number, reactorId: number, level: NotificationLevel): boolean {
  return postAuthorId !== reactorId && level !== 'muted';
}
