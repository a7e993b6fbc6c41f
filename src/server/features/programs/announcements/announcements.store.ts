// SQL for announcements and their dismissals.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { AnnouncementAudience } from '../../../platform/db/schema-articles';

export interface NewAnnouncement {
  title: string;
  body: string;
  html: string;
  audience: AnnouncementAudience;
  startsAt: Date;
  endsAt: Date | null;
  createdBy: number;
  at: Date;
}

export async function insertAnnouncement(db: Queryable, a: NewAnnouncement): Promise<number> {
  const row = await db
    .insertInto('announcements')
    .values({ title: a.title, body: a.body, html: a.html, audience: a.audience, starts_at: a.startsAt, ends_at: a.endsAt, created_by: a.createdBy, created_at: a.at, updated_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function withAuthors(db: Queryable) {
  return db
    .selectFrom('announcements')
    .leftJoin('accounts', 'accounts.member_id', 'announcements.created_by')
    .select([
      'announcements.id', 'announcements.title', 'announcements.body', 'announcements.html', 'announcements.audience', 'announcements.starts_at', 'announcements.ends_at',
      'announcements.created_by', 'accounts.username', 'announcements.created_at', 'announcements.updated_at',
      sql<number>`(select count(*) from announcement_dismissals d where d.announcement_id = announcements.id)::int`.as('dismissals'),
    ]);
}

export async function findAnnouncement(db: Queryable, id: number) {
  return withAuthors(db).where('announcements.id', '=', id).executeTakeFirst();
}

export type AnnouncementRow = NonNullable<Awaited<ReturnType<typeof findAnnouncement>>>;

export async function listAnnouncements(db: Queryable, limit: number): Promise<AnnouncementRow[]> {
  return withAuthors(db).orderBy('announcements.starts_at', 'desc').orderBy('announcements.id', 'desc').limit(limit).execute();
}

export async function updateAnnouncement(db: Queryable, id: number, changes: Partial<Omit<NewAnnouncement, 'createdBy' | 'at'>>, at: Date): Promise<void> {
  await db
    .updateTable('announcements')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      ...(changes.html !== undefined ? { html: changes.html } : {}),
      ...(changes.audience !== undefined ? { audience: changes.audience } : {}),
      ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
      ...(changes.endsAt !== undefined ? { ends_at: changes.endsAt } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteAnnouncement(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.deleteFrom('announcements').where('id', '=', id).returning('id').execute();
  return rows.length > 0;
}

/**
 * Announcements for these audiences that have not ended at `now` and start before `until`, latest start
 * first: the candidates a cached answer filters by time on each read.
 */
export async function currentAnnouncements(db: Queryable, options: { now: Date; until: Date; audiences: AnnouncementAudience[]; limit: number }) {
  return db
    .selectFrom('announcements')
    .select(['id', 'title', 'html', 'audience', 'starts_at', 'ends_at'])
    .where('starts_at', '<=', options.until)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', options.now)]))
    .where('audience', 'in', options.audiences)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
}

export type CurrentAnnouncementRow = Awaited<ReturnType<typeof currentAnnouncements>>[number];

/** Which of these announcements the member dismissed. */
export async function dismissedAmong(db: Queryable, memberId: number, announcementIds: readonly number[]): Promise<Set<number>> {
  if (announcementIds.length === 0) return new Set();
  const rows = await db.selectFrom('announcement_dismissals').select('announcement_id').where('member_id', '=', memberId).where('announcement_id', 'in', announcementIds).execute();
  return new Set(rows.map((r) => r.announcement_id));
}

export async function insertDismissal(db: Queryable, announcementId: number, memberId: number, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('announcement_dismissals')
    .values({ announcement_id: announcementId, member_id: memberId, dismissed_at: at })
    .onConflict((oc) => oc.columns(['announcement_id', 'member_id']).doNothing())
    .returning('member_id')
    .execute();
  return rows.length > 0;
}
