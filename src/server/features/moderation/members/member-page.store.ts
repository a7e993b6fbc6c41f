// SQL for a member's moderation page: items about them, flags given and received, notes.
import type { Queryable } from '../../../platform/db/database';
import { queueQuery } from '../queue/queue.store';

export async function itemsAbout(db: Queryable, memberId: number, limit: number) {
  return queueQuery(db).where('r.member_id', '=', memberId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

export async function flagCounts(db: Queryable, memberId: number) {
  const count = (column: 'flagger_id' | 'target_member_id') =>
    db
      .selectFrom('flags')
      .select(['status'])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where(column, '=', memberId)
      .groupBy('status')
      .execute();
  const [given, received] = await Promise.all([count('flagger_id'), count('target_member_id')]);
  const tally = (rows: { status: string; n: string | number }[]) => {
    const out = { total: 0, open: 0, agreed: 0, disagreed: 0, ignored: 0 };
    for (const row of rows) {
      const n = Number(row.n);
      out.total += n;
      if (row.status in out) out[row.status as 'open' | 'agreed' | 'disagreed' | 'ignored'] += n;
    }
    return out;
  };
  return { given: tally(given), received: tally(received) };
}

export async function memberBasics(db: Queryable, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('accounts as a', 'a.member_id', 'm.id')
    .select(['m.id', 'a.username', 'm.display_name', 'a.role', 'm.trust_level', 'm.joined_at', 'a.silenced_until', 'a.suspended_until'])
    .select((eb) => eb.selectFrom('posts').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('posts.author_id', '=', 'm.id').as('post_count'))
    .where('m.id', '=', memberId)
    .executeTakeFirst();
}

export async function notesOf(db: Queryable, memberId: number) {
  return db
    .selectFrom('member_notes as n')
    .leftJoin('accounts as a', 'a.member_id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'a.username'])
    .where('n.member_id', '=', memberId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

export async function insertNote(db: Queryable, memberId: number, authorId: number, body: string): Promise<number> {
  const row = await db.insertInto('member_notes').values({ member_id: memberId, author_id: authorId, body }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
