// Pure decisions for private messages: limits, which groups can be messaged, who sees a conversation,
// who hears about a new message.
import { discussionLimits } from '../discussions';

export const messageLimits = {
  titleMin: discussionLimits.titleMin,
  titleMax: discussionLimits.titleMax,
  bodyMin: discussionLimits.bodyMin,
  bodyMax: discussionLimits.bodyMax,
  recipientsMax: 20,
  groupsMax: 5,
  usernameMax: 60,
  groupNameMax: 60,
  messagesPerPage: 50,
  pageDefault: 20,
  pageMax: 100,
  queryMax: 200,
} as const;

/**
 * Built-in groups that can be messaged: the staff ones. The others (everyone, members, trust levels)
 * would be a mass mailing, not a conversation. Every named group can be messaged.
 */
export const MESSAGEABLE_BUILT_IN = ['moderators', 'admins'] as const;

export function isMessageable(group: { name: string; builtIn: boolean }): boolean {
  return !group.builtIn || (MESSAGEABLE_BUILT_IN as readonly string[]).includes(group.name);
}

/** Names as given, trimmed, without a leading @, de-duplicated case-insensitively, in order. */
export function normalizeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/^@/, '');
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export function isSilenced(silencedUntil: Date | null, now = new Date()): boolean {
  return silencedUntil !== null && silencedUntil.getTime() > now.getTime();
}

/** What the viewer has to do with a conversation. */
export interface Standing {
  /** The viewer's own row: invited by name or not, and whether they left. */
  participant: { direct: boolean; leftAt: Date | null } | undefined;
  /** Whether one of the conversation's groups is one of the viewer's. */
  viaGroup: boolean;
}

/**
 * Invited members see a conversation until they leave it; members of one of its groups always do
 * (leaving only takes it out of their inbox). Staff get no special view: messages are private.
 */
export function maySee(standing: Standing): boolean {
  const p = standing.participant;
  return (p !== undefined && p.direct && p.leftAt === null) || standing.viaGroup;
}

/** Unread messages after a read mark (numbers are never reused, deleted messages count as read-worthy). */
export function unreadCount(messageCount: number, lastRead: number): number {
  return Math.max(0, messageCount - lastRead);
}

/** Everybody who reaches the conversation, minus its author and those who left. */
export function recipientsOfMessage(facts: { authorId: number; direct: readonly number[]; viaGroups: readonly number[]; left: readonly number[] }): number[] {
  const left = new Set(facts.left);
  const out = new Set<number>();
  for (const id of [...facts.direct, ...facts.viaGroups]) if (id !== facts.authorId && !left.has(id)) out.add(id);
  return [...out];
}
