// Moderation notices: in-app notifications of type 'moderation' that carry their own text and link.
import type { Queryable } from '../../platform/db/database';

export interface Notice {
  memberId: number;
  /** Shown as the notification's title, e.g. "Your post is waiting for review". */
  title: string;
  text: string;
  /** Where the member can read more or act (a path in the web app), or null. */
  url: string | null;
  actorId?: number | null;
  at?: Date;
  /** 'moderation' (the default) or 'notice': from a community program (an idea's status, an event reminder, a badge). */
  type?: 'moderation' | 'notice';
}

export async function insertNotices(db: Queryable, notices: readonly Notice[]): Promise<{ memberId: number; id: number }[]> {
  if (notices.length === 0) return [];
  const rows = await db
    .insertInto('notifications')
    .values(
      notices.map((n) => ({
        member_id: n.memberId,
        type: n.type ?? ('moderation' as const),
        actor_id: n.actorId ?? null,
        topic_id: null,
        data: JSON.stringify({ title: n.title, text: n.text, url: n.url }),
        created_at: n.at ?? new Date(),
      })),
    )
    .returning(['id', 'member_id'])
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, id: r.id }));
}
