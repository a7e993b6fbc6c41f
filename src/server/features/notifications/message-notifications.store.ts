// SQL for notifications about private messages (type 'message'): one unread notification per member
// and conversation that later messages fold into, read marks, and who may still see them.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';

export interface NewMessageNotification {
  memberIds: readonly number[];
  actorId: number;
  conversationId: number;
  messageId: number;
  at: Date;
}

/** Starts a notification for each member, or folds the message into their unread one for the conversation. */
export async function upsertMessageNotifications(db: Queryable, n: NewMessageNotification): Promise<{ id: number; member_id: number }[]> {
  if (n.memberIds.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(n.memberIds.map((memberId) => ({ member_id: memberId, type: 'message' as const, actor_id: n.actorId, conversation_id: n.conversationId, message_id: n.messageId, created_at: n.at })))
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'conversation_id'])
        .where('type', '=', 'message')
        .where('read_at', 'is', null)
        .doUpdateSet({
          actor_id: n.actorId,
          message_id: n.messageId,
          count: sql<number>`notifications.count + 1`,
          created_at: n.at,
        }),
    )
    .returning(['id', 'member_id'])
    .execute();
}

/** Reading a conversation up to a message number reads the notifications about messages up to it. */
export async function markConversationNotificationsRead(db: Queryable, memberId: number, conversationId: number, upTo: number, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('member_id', '=', memberId)
    .where('conversation_id', '=', conversationId)
    .where('read_at', 'is', null)
    .where('message_id', 'in', (eb) => eb.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).where('number', '<=', upTo))
    .execute();
}

/** Leaving a conversation reads every notification about it. */
export async function readAllConversationNotifications(db: Queryable, memberId: number, conversationId: number, at: Date): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('member_id', '=', memberId).where('conversation_id', '=', conversationId).where('read_at', 'is', null).execute();
}

/**
 * A message notification the member may still see: they were invited and did not leave, or they are
 * in one of the conversation's groups (built-in ones by name, named ones by membership).
 */
export function messageNotificationSeen(eb: ExpressionBuilder<DB, 'notifications'>, memberId: number, builtInGroups: readonly string[]) {
  const invited = eb
    .selectFrom('conversation_participants as cp')
    .select('cp.member_id')
    .whereRef('cp.conversation_id', '=', 'notifications.conversation_id')
    .where('cp.member_id', '=', memberId)
    .where('cp.direct', '=', true)
    .where('cp.left_at', 'is', null);
  const viaGroup = eb
    .selectFrom('conversation_groups as cg')
    .innerJoin('groups as g', 'g.id', 'cg.group_id')
    .select('cg.group_id')
    .whereRef('cg.conversation_id', '=', 'notifications.conversation_id')
    .where((inner) =>
      inner.or([
        inner.and([inner('g.built_in', '=', true), inner('g.name', 'in', builtInGroups.length > 0 ? builtInGroups : [''])]),
        inner.exists(inner.selectFrom('group_members as gm').select('gm.member_id').whereRef('gm.group_id', '=', 'g.id').where('gm.member_id', '=', memberId)),
      ]),
    );
  return eb.and([eb('notifications.type', '=', 'message'), eb.or([eb.exists(invited), eb.exists(viaGroup)])]);
}
