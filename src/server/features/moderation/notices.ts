// Telling members what moderation did: in-app 'moderation' notifications, delivered in realtime.
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/database';
import type { HeldReason } from '../discussions/post-gate';
import { insertNotices, type Notice } from './notices.store';

export interface ModerationNotices {
  /** Writes notices now (outside any transaction) and announces them. */
  send(notices: readonly Notice[]): Promise<void>;
  /** Writes notices inside a transaction; call announce() with the result after commit. */
  write(trx: Queryable, notices: readonly Notice[]): Promise<{ memberId: number; id: number }[]>;
  announce(written: readonly { memberId: number; id: number }[]): Promise<void>;
  toModerators(title: string, text: string, url: string): Promise<void>;
}

export function createModerationNotices(ctx: AppContext): ModerationNotices {
  const db = ctx.database.db;
  const notices: ModerationNotices = {
    write: (trx, list) => insertNotices(trx, list),
    async announce(written) {
      for (const n of written) await ctx.bus.emit('notification.created', { memberId: n.memberId, notificationId: n.id });
    },
    async send(list) {
      await notices.announce(await insertNotices(db, list));
    },
    async toModerators(title, text, url) {
      const staff = await db.selectFrom('accounts').select('member_id').where('role', 'in', ['moderator', 'admin']).execute();
      await notices.send(staff.map((s) => ({ memberId: s.member_id, title, text, url })));
    },
  };
  return notices;
}

export function heldNotice(memberId: number, held: HeldReason, topicId: number, postId: number): Notice {
  return {
    memberId,
    title: 'Your post is waiting for review',
    text: `${held.message}${held.rule ? ` (rule: ${held.rule})` : ''}${held.guideline ? ` · guideline: ${held.guideline}` : ''}`,
    url: `/moderation/mine?post=${postId}&topic=${topicId}`,
  };
}
