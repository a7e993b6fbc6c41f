// SQL for appeals.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { AppealStatus } from '../../../platform/db/schema-moderation';

export async function insertAppeal(db: Queryable, a: { memberId: number; sanctionId: number | null; reviewItemId: number | null; body: string; actedBy: number | null }): Promise<number | undefined> {
  const row = await db
    .insertInto('appeals')
    .values({ member_id: a.memberId, sanction_id: a.sanctionId, review_item_id: a.reviewItemId, body: a.body, acted_by: a.actedBy })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function appeals(db: Queryable) {
  return db
    .selectFrom('appeals as ap')
    .leftJoin('accounts as m', 'm.member_id', 'ap.member_id')
    .leftJoin('accounts as actor', 'actor.member_id', 'ap.acted_by')
    .leftJoin('accounts as decider', 'decider.member_id', 'ap.decided_by')
    .leftJoin('sanctions as s', 's.id', 'ap.sanction_id')
    .leftJoin('review_items as r', 'r.id', 'ap.review_item_id')
    .selectAll('ap')
    .select(['m.username', 'actor.username as acted_by_username', 'decider.username as decided_by_username', 's.kind as sanction_kind', 'r.resolution as item_resolution', 'r.post_id as item_post_id']);
}

export async function findAppeal(db: Queryable, id: number) {
  return appeals(db).where('ap.id', '=', id).executeTakeFirst();
}

export type AppealRow = NonNullable<Awaited<ReturnType<typeof findAppeal>>>;

export async function listAppeals(db: Queryable, filter: { status?: AppealStatus; memberId?: number; limit: number }) {
  let query = appeals(db).orderBy('ap.created_at', 'desc').orderBy('ap.id', 'desc').limit(filter.limit);
  if (filter.status !== undefined) query = query.where('ap.status', '=', filter.status);
  if (filter.memberId !== undefined) query = query.where('ap.member_id', '=', filter.memberId);
  return query.execute();
}

export async function decideAppeal(db: Queryable, id: number, d: { status: Exclude<AppealStatus, 'pending'>; by: number; note: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ status: d.status, decided_by: d.by, decision_note: d.note, decided_at: d.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function sanctionsOfItem(db: Queryable, reviewItemId: number): Promise<number[]> {
  const rows = await db.selectFrom('sanctions').select('id').where('review_item_id', '=', reviewItemId).where('lifted_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** Per moderator: audited moderation actions, appeals against them, and how those ended. */
export async function appealStats(db: Queryable) {
  return db
    .selectFrom('accounts as a')
    .select(['a.member_id', 'a.username'])
    .select((eb) => [
      eb.selectFrom('audit_log').select((e) => e.fn.countAll<string | number>().as('n'))
        .whereRef('audit_log.actor_id', '=', 'a.member_id')
        .where(sql<boolean>`(audit_log.action like 'review.%' or audit_log.action in ('member.warn', 'member.silence', 'member.suspend', 'member.ban'))`)
        .as('actions'),
      eb.selectFrom('appeals').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('appeals.acted_by', '=', 'a.member_id').as('appeals'),
      eb.selectFrom('appeals').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('appeals.acted_by', '=', 'a.member_id').where('appeals.status', '=', 'overturned').as('overturned'),
      eb.selectFrom('appeals').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('appeals.acted_by', '=', 'a.member_id').where('appeals.status', '=', 'reduced').as('reduced'),
      eb.selectFrom('appeals').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('appeals.acted_by', '=', 'a.member_id').where('appeals.status', '<>', 'pending').as('decided'),
    ])
    .where('a.role', 'in', ['moderator', 'admin'])
    .orderBy('a.username')
    .execute();
}
