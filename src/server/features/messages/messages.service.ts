// Private messages: conversations started with members and groups, replies, edits, read marks, leaving.
// A conversation the viewer may not see answers 404, never 403, so that its existence does not leak.
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../platform/http/cursor';
import { requireMember, type Actor, type Principal } from '../../platform/http/principal';
import { recordActivity } from '../activities';
import { renderMarkdown } from '../discussions';
import type { GroupsService } from '../groups';
import { markConversationNotificationsRead, readAllConversationNotifications } from '../notifications';
import { memberRef, presentConversation, presentMessage } from './messages.presenter';
import { isMessageable, isSilenced, maySee, messageLimits as limits, normalizeNames } from './messages.rules';
import type { ConversationDetail, ConversationListQuery, ConversationPage, ConversationView, CreateConversationBody, MessageView, ReadView } from './messages.schema';
import {
  accountsByUsernames, directParticipants, findConversation, findMessage, findParticipant, groupsByNames, groupsOfConversations, insertConversation, insertConversationGroups,
  insertMessage, insertParticipants, listConversations, listMessages, membersByIds, nextMessageNumber, silencedUntil, softDeleteMessage, touchParticipant, updateMessageBody,
  type ConversationRow, type MessageRow,
} from './messages.store';

/** Text that is only white space does not count towards a minimum length. Titles are trimmed. */
function requireText(field: 'title' | 'body', value: string, min: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw invalid(field, `${field} needs at least ${min} characters besides spaces`);
  return field === 'body' ? value : trimmed;
}

interface Visible {
  conversation: ConversationRow;
  lastReadNumber: number;
}

export function createMessagesService(ctx: AppContext, groups: Pick<GroupsService, 'groupsOf'>) {
  const db = ctx.database.db;

  /** The conversation and the viewer's read mark; 404 when it does not exist or the viewer may not see it. */
  async function visible(member: Principal, id: number): Promise<Visible> {
    const conversation = await findConversation(db, id);
    if (!conversation) throw notFound('Conversation not found');
    const [participant, conversationGroups, mine] = await Promise.all([findParticipant(db, id, member.memberId), groupsOfConversations(db, [id]), groups.groupsOf(member)]);
    const viaGroup = conversationGroups.some((g) => mine.includes(g.name));
    const standing = { participant: participant && { direct: participant.direct, leftAt: participant.left_at }, viaGroup };
    if (!maySee(standing)) throw notFound('Conversation not found');
    return { conversation, lastReadNumber: participant?.last_read_number ?? 0 };
  }

  async function mayWrite(member: Principal): Promise<boolean> {
    return !isSilenced(await silencedUntil(db, member.memberId));
  }

  async function requireVoice(member: Principal): Promise<void> {
    if (!(await mayWrite(member))) throw new AppError('account_silenced', 'You are silenced and cannot send messages for now');
  }

  /** A message in a conversation the viewer sees, written by the viewer; 404 or 403 otherwise. */
  async function ownMessage(member: Principal, id: number, what: string): Promise<MessageRow> {
    const message = await findMessage(db, id);
    if (!message || message.deleted_at !== null) throw notFound('Message not found');
    await visible(member, message.conversation_id);
    if (message.author_id !== member.memberId) throw forbidden(`Only its author can ${what} a message`);
    return message;
  }

  async function present(rows: readonly (ConversationRow & { last_read_number?: number | null })[]): Promise<ConversationView[]> {
    const ids = rows.map((r) => r.id);
    const memberIds = [...new Set(rows.flatMap((r) => [r.created_by, r.last_author_id]).filter((id): id is number => id !== null))];
    const [participants, groupRows, names] = await Promise.all([directParticipants(db, ids), groupsOfConversations(db, ids), membersByIds(db, memberIds)]);
    const members = new Map(names.map((m) => [m.id, memberRef(m)]));
    return rows.map((row) =>
      presentConversation(row, {
        participants: participants.filter((p) => p.conversation_id === row.id).map((p) => memberRef({ id: p.member_id, username: p.username, display_name: p.display_name })),
        groups: groupRows.filter((g) => g.conversation_id === row.id).map((g) => ({ id: g.id, name: g.name })),
        members,
        lastReadNumber: row.last_read_number ?? 0,
      }),
    );
  }

  async function detail(member: Principal, id: number, after: number): Promise<ConversationDetail> {
    const { conversation, lastReadNumber } = await visible(member, id);
    const rows = await listMessages(db, id, after, limits.messagesPerPage);
    const page = rows.slice(0, limits.messagesPerPage);
    const last = page[page.length - 1];
    const [view] = await present([{ ...conversation, last_read_number: lastReadNumber }]);
    if (!view) throw notFound('Conversation not found');
    return {
      ...view,
      canReply: await mayWrite(member),
      messages: page.map(presentMessage),
      nextAfter: rows.length > page.length && last ? last.number : null,
    };
  }

  /** Usernames and group names → ids; 400 unknown_recipient naming the field for a name nobody has. */
  async function resolveRecipients(member: Principal, body: CreateConversationBody): Promise<{ memberIds: number[]; groupIds: number[] }> {
    const names = normalizeNames(body.recipients);
    const accounts = await accountsByUsernames(db, names.map((n) => n.toLowerCase()));
    const byName = new Map(accounts.map((a) => [a.username.toLowerCase(), a.member_id]));
    const unknown = names.find((n) => !byName.has(n.toLowerCase()));
    if (unknown !== undefined) throw new AppError('unknown_recipient', `Nobody here is called ${unknown}`, { field: 'recipients' });
    const groupNames = normalizeNames(body.groups ?? []);
    const groupRows = await groupsByNames(db, groupNames.map((n) => n.toLowerCase()));
    const groupsByName = new Map(groupRows.map((g) => [g.name.toLowerCase(), g]));
    for (const name of groupNames) {
      const group = groupsByName.get(name.toLowerCase());
      if (!group) throw new AppError('unknown_recipient', `There is no group called ${name}`, { field: 'groups' });
      if (!isMessageable({ name: group.name, builtIn: group.built_in })) throw invalid('groups', `The ${group.name} group cannot be messaged`);
    }
    const memberIds = [...new Set(accounts.map((a) => a.member_id))].filter((id) => id !== member.memberId);
    if (memberIds.length === 0 && groupRows.length === 0) throw invalid('recipients', 'Add at least one member other than yourself, or a group');
    return { memberIds, groupIds: groupRows.map((g) => g.id) };
  }

  /** Stores a message under the next number; its author has read up to it (and, via a group, is back if they had left). */
  async function storeMessage(trx: Queryable, member: Principal, conversationId: number, markdown: string, at: Date): Promise<number> {
    const number = await nextMessageNumber(trx, conversationId, member.memberId, at);
    const id = await insertMessage(trx, { conversationId, number, authorId: member.memberId, body: markdown, html: renderMarkdown(markdown), at });
    await touchParticipant(trx, conversationId, member.memberId, { readUpTo: number, rejoin: true });
    const kind = number === 1 ? 'conversation.created' : 'message.created';
    await recordActivity(trx, { memberId: member.memberId, kind, occurredAt: at, props: { conversationId, messageId: id } });
    return id;
  }

  return {
    /** The viewer's conversations (not left), latest activity first, with unread counts. */
    async list(actor: Actor, query: ConversationListQuery): Promise<ConversationPage> {
      const member = requireMember(actor);
      const limit = query.limit ?? limits.pageDefault;
      const key = decodeTimeCursor(query.cursor);
      const after = key && { lastMessageAt: key.at, id: key.id };
      const q = query.q?.trim() || undefined;
      const rows = await listConversations(db, { memberId: member.memberId, groupNames: await groups.groupsOf(member) }, { limit, after, q });
      const page = pageOf(rows, limit, (r) => [r.last_message_at.toISOString(), r.id]);
      return { items: await present(page.items), nextCursor: page.nextCursor };
    },

    async create(actor: Actor, body: CreateConversationBody): Promise<ConversationDetail> {
      const member = requireMember(actor);
      const title = requireText('title', body.title, limits.titleMin);
      const markdown = requireText('body', body.body, limits.bodyMin);
      await requireVoice(member);
      const { memberIds, groupIds } = await resolveRecipients(member, body);
      const at = new Date();
      const created = await ctx.database.tx(async (trx) => {
        const id = await insertConversation(trx, { title, createdBy: member.memberId, at });
        await insertParticipants(trx, id, [member.memberId, ...memberIds], at);
        await insertConversationGroups(trx, id, groupIds);
        return { conversationId: id, messageId: await storeMessage(trx, member, id, markdown, at) };
      });
      await ctx.bus.emit('message.created', { ...created, authorId: member.memberId });
      return detail(member, created.conversationId, 0);
    },

    async detail(actor: Actor, id: number, after: number): Promise<ConversationDetail> {
      return detail(requireMember(actor), id, after);
    },

    async reply(actor: Actor, id: number, body: string): Promise<MessageView> {
      const member = requireMember(actor);
      const markdown = requireText('body', body, limits.bodyMin);
      await visible(member, id);
      await requireVoice(member);
      const messageId = await ctx.database.tx((trx) => storeMessage(trx, member, id, markdown, new Date()));
      await ctx.bus.emit('message.created', { messageId, conversationId: id, authorId: member.memberId });
      const row = await findMessage(db, messageId);
      if (!row) throw notFound('Message not found');
      return presentMessage(row);
    },

    /** Authors edit their own messages (staff have no say in private conversations). */
    async edit(actor: Actor, id: number, body: string): Promise<MessageView> {
      const member = requireMember(actor);
      const markdown = requireText('body', body, limits.bodyMin);
      const message = await ownMessage(member, id, 'edit');
      await requireVoice(member);
      await updateMessageBody(db, id, { body: markdown, html: renderMarkdown(markdown), at: new Date() });
      await ctx.bus.emit('message.updated', { messageId: id, conversationId: message.conversation_id, authorId: member.memberId });
      const row = await findMessage(db, id);
      if (!row) throw notFound('Message not found');
      return presentMessage(row);
    },

    /** Soft delete: the message keeps its number, its text is gone. */
    async remove(actor: Actor, id: number): Promise<void> {
      const member = requireMember(actor);
      const message = await ownMessage(member, id, 'delete');
      if (!(await softDeleteMessage(db, id, new Date()))) return;
      await ctx.bus.emit('message.deleted', { messageId: id, conversationId: message.conversation_id, authorId: member.memberId });
    },

    /** Moves the read mark forward (clamped to the last message) and reads the notifications up to it. */
    async markRead(actor: Actor, id: number, number: number): Promise<ReadView> {
      const member = requireMember(actor);
      const { conversation } = await visible(member, id);
      const upTo = Math.min(number, conversation.message_count);
      const mark = await ctx.database.tx(async (trx) => {
        const at = await touchParticipant(trx, id, member.memberId, { readUpTo: upTo });
        await markConversationNotificationsRead(trx, member.memberId, id, at, new Date());
        return at;
      });
      return { lastReadNumber: mark, unreadCount: Math.max(0, conversation.message_count - mark) };
    },

    /**
     * Leaves the conversation: invited members lose access; members who reach it through a group only
     * take it out of their inbox and stop hearing about it until they reply. Its notifications are read.
     */
    async leave(actor: Actor, id: number): Promise<void> {
      const member = requireMember(actor);
      await visible(member, id);
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        await touchParticipant(trx, id, member.memberId, { leaveAt: at });
        await readAllConversationNotifications(trx, member.memberId, id, at);
      });
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
