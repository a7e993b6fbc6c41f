// SQL for private messages: conversations, who takes part (by name or through a group), messages.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/db/schema';

/** Accounts of live members by lower-cased username. */
export async function accountsByUsernames(db: Queryable, lowerNames: readonly string[]) {
  if (lowerNames.length === 0) return [];
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(['accounts.member_id', 'accounts.username'])
    .where(sql<string>`lower(accounts.username)`, 'in', lowerNames)
    .where('members.deleted_at', 'is', null)
    .execute();
}

export async function groupsByNames(db: Queryable, lowerNames: readonly string[]) {
  if (lowerNames.length === 0) return [];
  return db.selectFrom('groups').select(['id', 'name', 'built_in']).where(sql<string>`lower(name)`, 'in', lowerNames).execute();
}

export async function silencedUntil(db: Queryable, memberId: number): Promise<Date | null> {
  const row = await db.selectFrom('accounts').select('silenced_until').where('member_id', '=', memberId).executeTakeFirst();
  return row?.silenced_until ?? null;
}

export async function insertConversation(db: Queryable, c: { title: string; createdBy: number; at: Date }): Promise<number> {
  const row = await db
    .insertInto('conversations')
    .values({ title: c.title, created_by: c.createdBy, last_message_at: c.at, last_author_id: c.createdBy, created_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertParticipants(db: Queryable, conversationId: number, memberIds: readonly number[], at: Date): Promise<void> {
  if (memberIds.length === 0) return;
  await db
    .insertInto('conversation_participants')
    .values(memberIds.map((memberId) => ({ conversation_id: conversationId, member_id: memberId, direct: true, added_at: at })))
    .execute();
}

export async function insertConversationGroups(db: Queryable, conversationId: number, groupIds: readonly number[]): Promise<void> {
  if (groupIds.length === 0) return;
  await db.insertInto('conversation_groups').values(groupIds.map((groupId) => ({ conversation_id: conversationId, group_id: groupId }))).execute();
}

/** Hands out the next message number; the row lock orders concurrent replies. */
export async function nextMessageNumber(db: Queryable, conversationId: number, authorId: number, at: Date): Promise<number> {
  const row = await db
    .updateTable('conversations')
    .set((eb) => ({ message_count: eb('message_count', '+', 1), last_message_at: at, last_author_id: authorId }))
    .where('id', '=', conversationId)
    .returning('message_count')
    .executeTakeFirstOrThrow();
  return row.message_count;
}

export async function insertMessage(db: Queryable, m: { conversationId: number; number: number; authorId: number; body: string; html: string; at: Date }): Promise<number> {
  const row = await db
    .insertInto('messages')
    .values({ conversation_id: m.conversationId, number: m.number, author_id: m.authorId, body: m.body, html: m.html, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findConversation(db: Queryable, id: number) {
  return db
    .selectFrom('conversations')
    .select(['id', 'title', 'created_by', 'message_count', 'last_message_at', 'last_author_id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ConversationRow = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

export async function findParticipant(db: Queryable, conversationId: number, memberId: number) {
  return db
    .selectFrom('conversation_participants')
    .select(['direct', 'last_read_number', 'left_at'])
    .where('conversation_id', '=', conversationId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** The groups of the conversations, by name. */
export async function groupsOfConversations(db: Queryable, conversationIds: readonly number[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_groups')
    .innerJoin('groups', 'groups.id', 'conversation_groups.group_id')
    .select(['conversation_groups.conversation_id', 'groups.id', 'groups.name', 'groups.built_in'])
    .where('conversation_groups.conversation_id', 'in', conversationIds)
    .orderBy('groups.name')
    .execute();
}

/** Members invited by name who have not left, with their names: the starter first, then in the order they came. */
export async function directParticipants(db: Queryable, conversationIds: readonly number[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_participants as p')
    .innerJoin('conversations as c', 'c.id', 'p.conversation_id')
    .innerJoin('members', 'members.id', 'p.member_id')
    .leftJoin('accounts', 'accounts.member_id', 'p.member_id')
    .select(['p.conversation_id', 'p.member_id', 'accounts.username', 'members.display_name'])
    .where('p.conversation_id', 'in', conversationIds)
    .where('p.direct', '=', true)
    .where('p.left_at', 'is', null)
    .orderBy(sql`coalesce(p.member_id = c.created_by, false)`, 'desc')
    .orderBy('p.added_at')
    .orderBy('p.member_id')
    .execute();
}

/** Names of members (the creators and last authors of listed conversations). */
export async function membersByIds(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('members')
    .leftJoin('accounts', 'accounts.member_id', 'members.id')
    .select(['members.id', 'accounts.username', 'members.display_name'])
    .where('members.id', 'in', ids)
    .execute();
}

function messagesWithAuthors(db: Queryable) {
  return db
    .selectFrom('messages')
    .leftJoin('members', 'members.id', 'messages.author_id')
    .leftJoin('accounts', 'accounts.member_id', 'messages.author_id')
    .select([
      'messages.id', 'messages.conversation_id', 'messages.number', 'messages.author_id', 'messages.body', 'messages.html', 'messages.created_at', 'messages.edited_at',
      'messages.deleted_at', 'accounts.username', 'members.display_name',
    ]);
}

export async function listMessages(db: Queryable, conversationId: number, after: number, limit: number) {
  return messagesWithAuthors(db).where('messages.conversation_id', '=', conversationId).where('messages.number', '>', after).orderBy('messages.number').limit(limit + 1).execute();
}

export async function findMessage(db: Queryable, id: number) {
  return messagesWithAuthors(db).where('messages.id', '=', id).executeTakeFirst();
}

export type MessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>;

export async function updateMessageBody(db: Queryable, id: number, change: { body: string; html: string; at: Date }): Promise<void> {
  await db.updateTable('messages').set({ body: change.body, html: change.html, edited_at: change.at }).where('id', '=', id).execute();
}

export async function softDeleteMessage(db: Queryable, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('messages').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Writes the member's own row (a group member gets one, not direct, on first use). The read mark only
 * moves forward; `rejoin` clears a leave (a group member who replies is back); `leave` sets it.
 */
export async function touchParticipant(
  db: Queryable,
  conversationId: number,
  memberId: number,
  change: { readUpTo?: number; rejoin?: boolean; leaveAt?: Date },
): Promise<number> {
  const readUpTo = change.readUpTo ?? 0;
  const leftAt = change.leaveAt ?? null;
  const row = await db
    .insertInto('conversation_participants')
    .values({ conversation_id: conversationId, member_id: memberId, direct: false, last_read_number: readUpTo, left_at: leftAt })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'member_id']).doUpdateSet({
        last_read_number: sql<number>`greatest(conversation_participants.last_read_number, excluded.last_read_number)`,
        ...(change.rejoin ? { left_at: null } : {}),
        ...(change.leaveAt ? { left_at: change.leaveAt } : {}),
      }),
    )
    .returning('last_read_number')
    .executeTakeFirstOrThrow();
  return row.last_read_number;
}

/** A member who reads, with every group they belong to by name (at least their built-in groups). */
export interface ConversationReader {
  memberId: number;
  groupNames: readonly string[];
}

/**
 * The ids of the conversations a member can read (maySee, in SQL): invited by name and not left, or sent
 * to one of their groups, named in groupNames or (named groups) by membership. Leaving through a group
 * only takes a conversation out of the inbox, so it does not count here.
 */
export function readableConversationIds(db: Queryable, reader: ConversationReader) {
  const direct = db
    .selectFrom('conversation_participants as d')
    .select('d.conversation_id')
    .where('d.member_id', '=', reader.memberId)
    .where('d.direct', '=', true)
    .where('d.left_at', 'is', null);
  const viaGroup = db
    .selectFrom('conversation_groups as cg')
    .innerJoin('groups as g', 'g.id', 'cg.group_id')
    .select('cg.conversation_id')
    .where((eb) =>
      eb.or([
        eb('g.name', 'in', reader.groupNames.length > 0 ? [...reader.groupNames] : ['']),
        eb.exists(eb.selectFrom('group_members as gm').select('gm.member_id').whereRef('gm.group_id', '=', 'g.id').where('gm.member_id', '=', reader.memberId)),
      ]),
    );
  return direct.union(viaGroup);
}

/** Whether the member can read the conversation (see readableConversationIds). */
export async function canReadConversation(db: Queryable, reader: ConversationReader, conversationId: number): Promise<boolean> {
  const row = await db.selectFrom('conversations').select('id').where('id', '=', conversationId).where('id', 'in', readableConversationIds(db, reader)).executeTakeFirst();
  return row !== undefined;
}

/** The viewer's inbox: conversations they reach and did not leave, latest activity first. */
export async function listConversations(
  db: Queryable,
  viewer: ConversationReader,
  page: { limit: number; after: { lastMessageAt: Date; id: number } | undefined; q: string | undefined },
) {
  let query = db
    .selectFrom('conversations')
    .leftJoin('conversation_participants as p', (join) => join.onRef('p.conversation_id', '=', 'conversations.id').on('p.member_id', '=', viewer.memberId))
    .select([
      'conversations.id', 'conversations.title', 'conversations.created_by', 'conversations.message_count', 'conversations.last_message_at', 'conversations.last_author_id',
      'conversations.created_at', 'p.last_read_number',
    ])
    .where('conversations.id', 'in', readableConversationIds(db, viewer))
    .where('p.left_at', 'is', null)
    .orderBy('conversations.last_message_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(page.limit + 1);
  const { after, q } = page;
  if (after) query = query.where(sql<boolean>`(conversations.last_message_at, conversations.id) < (${after.lastMessageAt}, ${after.id})`);
  if (q !== undefined) {
    const words = sql`websearch_to_tsquery('simple', ${q})`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`to_tsvector('simple', conversations.title) @@ ${words}`,
        eb.exists(eb.selectFrom('messages as m').select('m.id').whereRef('m.conversation_id', '=', 'conversations.id').where('m.deleted_at', 'is', null).where(sql<boolean>`m.search @@ ${words}`)),
      ]),
    );
  }
  return query.execute();
}

export type ConversationListRow = Awaited<ReturnType<typeof listConversations>>[number];

/** Roles whose members belong to a messageable built-in group. */
const rolesOfBuiltIn: Record<string, Role[]> = { moderators: ['moderator', 'admin'], admins: ['admin'] };

/** Who a new message reaches: invited members, members of its groups, and who left (to leave out). */
export async function audienceOf(db: Queryable, conversationId: number) {
  const [participants, groups] = await Promise.all([
    db.selectFrom('conversation_participants').select(['member_id', 'direct', 'left_at']).where('conversation_id', '=', conversationId).execute(),
    groupsOfConversations(db, [conversationId]),
  ]);
  const named = groups.filter((g) => !g.built_in).map((g) => g.id);
  const roles = [...new Set(groups.filter((g) => g.built_in).flatMap((g) => rolesOfBuiltIn[g.name] ?? []))];
  const [byGroup, byRole] = await Promise.all([
    named.length === 0 ? [] : db.selectFrom('group_members').select('member_id').where('group_id', 'in', named).execute(),
    roles.length === 0 ? [] : db.selectFrom('accounts').select('member_id').where('role', 'in', roles).execute(),
  ]);
  return {
    direct: participants.filter((p) => p.direct && p.left_at === null).map((p) => p.member_id),
    left: participants.filter((p) => p.left_at !== null).map((p) => p.member_id),
    viaGroups: [...new Set([...byGroup, ...byRole].map((r) => r.member_id))],
    groupNames: groups.map((g) => g.name),
  };
}

/** Live members among ids (deleted members hear nothing). */
export async function liveMemberIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('members').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.id);
}
