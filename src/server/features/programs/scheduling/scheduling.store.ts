// SQL for scheduled publishing.
import type { Queryable } from '../../../platform/db/database';
import type { ScheduledKind, ScheduledStatus } from '../../../platform/db/schema-articles';
import type { SchedulePayload } from './scheduling.rules';

export async function insertScheduled(db: Queryable, item: { kind: ScheduledKind; authorId: number; publishAt: Date; payload: SchedulePayload; at: Date }): Promise<number> {
  const row = await db
    .insertInto('scheduled_items')
    .values({ kind: item.kind, author_id: item.authorId, publish_at: item.publishAt, payload: JSON.stringify(item.payload), created_at: item.at, updated_at: item.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function withAuthors(db: Queryable) {
  return db
    .selectFrom('scheduled_items')
    .leftJoin('accounts', 'accounts.member_id', 'scheduled_items.author_id')
    .select([
      'scheduled_items.id', 'scheduled_items.kind', 'scheduled_items.author_id', 'accounts.username', 'scheduled_items.publish_at', 'scheduled_items.payload',
      'scheduled_items.status', 'scheduled_items.error', 'scheduled_items.topic_id', 'scheduled_items.announcement_id', 'scheduled_items.published_at', 'scheduled_items.created_at',
    ]);
}

export async function findScheduled(db: Queryable, id: number) {
  return withAuthors(db).where('scheduled_items.id', '=', id).executeTakeFirst();
}

export type ScheduledRow = NonNullable<Awaited<ReturnType<typeof findScheduled>>>;

export async function listScheduled(db: Queryable, options: { status: ScheduledStatus | undefined; limit: number }): Promise<ScheduledRow[]> {
  let query = withAuthors(db).orderBy('scheduled_items.publish_at', 'desc').orderBy('scheduled_items.id', 'desc').limit(options.limit);
  if (options.status) query = query.where('scheduled_items.status', '=', options.status);
  return query.execute();
}

/** Changes a pending item; false when it is no longer pending (published, publishing, cancelled …). */
export async function updatePending(db: Queryable, id: number, changes: { publishAt: Date; payload: SchedulePayload }, at: Date): Promise<boolean> {
  const rows = await db
    .updateTable('scheduled_items')
    .set({ publish_at: changes.publishAt, payload: JSON.stringify(changes.payload), updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function cancelPending(db: Queryable, id: number, at: Date): Promise<boolean> {
  const rows = await db.updateTable('scheduled_items').set({ status: 'cancelled', updated_at: at }).where('id', '=', id).where('status', '=', 'pending').returning('id').execute();
  return rows.length > 0;
}

/**
 * Claims up to `limit` due items, the earliest first (pending → publishing), in one statement:
 * concurrent runs skip the rows another run locked and re-check status = 'pending', so each item is
 * claimed by exactly one run; what is left waits for the next run.
 */
export async function claimDue(db: Queryable, now: Date, limit: number) {
  return db
    .updateTable('scheduled_items')
    .set({ status: 'publishing', updated_at: now })
    .where('id', 'in', (eb) =>
      eb.selectFrom('scheduled_items as due').select('due.id').where('due.status', '=', 'pending').where('due.publish_at', '<=', now).orderBy('due.publish_at').orderBy('due.id').limit(limit).forUpdate().skipLocked(),
    )
    .where('status', '=', 'pending')
    .returning(['id', 'kind', 'author_id', 'publish_at', 'payload'])
    .execute();
}

/** Items left 'publishing' by a run that died (a restart mid-run) fail, so staff see them and can check. */
export async function failStale(db: Queryable, before: Date, at: Date): Promise<number> {
  const rows = await db
    .updateTable('scheduled_items')
    .set({ status: 'failed', error: 'interrupted: the server stopped while publishing; check whether it appeared before scheduling it again', updated_at: at })
    .where('status', '=', 'publishing')
    .where('updated_at', '<', before)
    .returning('id')
    .execute();
  return rows.length;
}

export type ClaimedItem = Awaited<ReturnType<typeof claimDue>>[number];

export async function settle(db: Queryable, id: number, result: { status: 'published' | 'failed'; error: string | null; topicId?: number | null; announcementId?: number | null; at: Date }): Promise<void> {
  await db
    .updateTable('scheduled_items')
    .set({
      status: result.status,
      error: result.error,
      topic_id: result.topicId ?? null,
      announcement_id: result.announcementId ?? null,
      published_at: result.status === 'published' ? result.at : null,
      updated_at: result.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The author as they are now (role, trust level, suspension), to publish in their name. */
export async function findAuthor(db: Queryable, memberId: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(['members.id', 'accounts.username', 'accounts.role', 'members.trust_level', 'accounts.suspended_until'])
    .where('accounts.member_id', '=', memberId)
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}
