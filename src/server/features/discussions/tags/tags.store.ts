// SQL for tags: the tags of live, listed topics in the given spaces, with how many topics carry each.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export async function tagCounts(db: Queryable, f: { spaceIds: readonly number[]; prefix: string | undefined; limit: number }): Promise<{ tag: string; topic_count: number }[]> {
  if (f.spaceIds.length === 0) return [];
  const prefix = f.prefix === undefined ? sql`` : sql`and starts_with(tag, ${f.prefix})`;
  const result = await sql<{ tag: string; topic_count: number | string }>`
    select tag, count(*) as topic_count
    from topics t cross join lateral unnest(t.tags) as tag
    where t.deleted_at is null and t.unlisted = false and t.space_id = any(${[...f.spaceIds]}::bigint[]) ${prefix}
    group by tag
    order by count(*) desc, tag
    limit ${f.limit}`.execute(db);
  return result.rows.map((r) => ({ tag: r.tag, topic_count: Number(r.topic_count) }));
}
