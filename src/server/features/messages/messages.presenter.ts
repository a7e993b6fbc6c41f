// Conversation and message rows → API shape. A deleted message keeps its place but not its text.
import type { ConversationView, GroupRef, MemberRef, MessageView } from './messages.schema';
import { unreadCount } from './messages.rules';
import type { ConversationRow, MessageRow } from './messages.store';

export interface ConversationFacts {
  participants: MemberRef[];
  groups: GroupRef[];
  members: ReadonlyMap<number, MemberRef>;
  lastReadNumber: number;
}

export function memberRef(row: { id: number; username: string | null; display_name: string | null }): MemberRef {
  return { id: row.id, username: row.username, displayName: row.display_name ?? '' };
}

export function presentConversation(row: ConversationRow, facts: ConversationFacts): ConversationView {
  const known = (id: number | null) => (id === null ? null : (facts.members.get(id) ?? null));
  return {
    id: row.id,
    title: row.title,
    participants: facts.participants,
    groups: facts.groups,
    messageCount: row.message_count,
    lastMessageAt: row.last_message_at.toISOString(),
    lastAuthor: known(row.last_author_id),
    lastReadNumber: facts.lastReadNumber,
    unreadCount: unreadCount(row.message_count, facts.lastReadNumber),
    createdBy: known(row.created_by),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentMessage(row: MessageRow): MessageView {
  const isDeleted = row.deleted_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    number: row.number,
    author: row.author_id === null ? null : memberRef({ id: row.author_id, username: row.username, display_name: row.display_name }),
    body: isDeleted ? '' : row.body,
    html: isDeleted ? '' : row.html,
    deleted: isDeleted,
    editedAt: row.edited_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
