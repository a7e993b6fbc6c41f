// SQL for full-text search over topic titles and post bodies (the generated `search` tsvector columns).
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import { MARK_START, MARK_STOP } from './search.rules';

export interface SearchFilters {
  q: string;
  types: readonly ('topic' | 'post')[];
  spaceIds: readonly number[];
  tag: string | undefined;
  author: string | undefined;
  after: Date | undefined;
  before: Date | undefined;
  status: 'open' | 'closed' | 'locked' | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  type: 'topic' | 'post';
  topic_id: number;
  post_id: number | null;
  post_number: number | null;
  space_id: number;
  title: string;
  tags: string[];
  author_id: number;
  username: string | null;
  display_name: string;
  snippet: string;
  rank: number;
  created_at: Date;
}

const titleOptions = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;
const bodyOptions = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Conditions on the topic (and, for post hits, the post) that every hit must meet. */
function conditions(f: SearchFilters, hit: 't' | 'p'): RawBuilder<unknown>[] {
  const row = sql.raw(hit);
  const where: RawBuilder<unknown>[] = [
    sql`t.deleted_at is null`,
    sql`t.unlisted = false`,
    sql`t.space_id = any(${[...f.spaceIds]}::bigint[])`,
    sql`${row}.search @@ q.query`,
  ];
  if (hit === 'p') where.push(sql`p.deleted_at is null`);
  if (f.tag !== undefined) where.push(sql`t.tags @> array[${f.tag}]::text[]`);
  if (f.author !== undefined) where.push(sql`lower(a.username) = lower(${f.author})`);
  if (f.after !== undefined) where.push(sql`${row}.created_at >= ${f.after}`);
  if (f.before !== undefined) where.push(sql`${row}.created_at < ${f.before}`);
  if (f.status === 'open') where.push(sql`t.closed = false and t.locked = false`);
  if (f.status === 'closed') where.push(sql`t.closed = true`);
  if (f.status === 'locked') where.push(sql`t.locked = true`);
  return where;
}

function topicHits(f: SearchFilters) {
  return sql`
    select 'topic' as type, t.id as topic_id, null::bigint as post_id, t.created_at, ts_rank(t.search, q.query) as rank
    from topics t cross join q
    left join accounts a on a.member_id = t.author_id
    where ${sql.join(conditions(f, 't'), sql` and `)}`;
}

function postHits(f: SearchFilters) {
  return sql`
    select 'post' as type, t.id as topic_id, p.id as post_id, p.created_at, ts_rank(p.search, q.query) as rank
    from posts p join topics t on t.id = p.topic_id cross join q
    left join accounts a on a.member_id = p.author_id
    where ${sql.join(conditions(f, 'p'), sql` and `)}`;
}

/**
 * Hits ranked best first; one more than `limit` to tell whether a page follows. Ranking reads only the
 * tsvectors; titles, authors and the (costly) highlighted snippets are made for the page's hits alone.
 */
export async function searchDiscussions(db: Queryable, f: SearchFilters): Promise<SearchRow[]> {
  if (f.spaceIds.length === 0 || f.types.length === 0) return [];
  const parts = f.types.map((type) => (type === 'topic' ? topicHits(f) : postHits(f)));
  const result = await sql<SearchRow>`
    with q as (select websearch_to_tsquery('simple', ${f.q}) as query),
    hits as (
      select * from (${sql.join(parts, sql` union all `)}) h
      order by rank desc, created_at desc, topic_id desc, post_id desc nulls first
      limit ${f.limit + 1} offset ${f.offset}
    )
    select hits.type, hits.topic_id, hits.post_id, p.post_number, t.space_id, t.title, t.tags,
      coalesce(p.author_id, t.author_id) as author_id, a.username, m.display_name, hits.created_at, hits.rank,
      case when hits.type = 'topic'
        then ts_headline('simple', translate(t.title, ${MARK_START + MARK_STOP}, ''), q.query, ${titleOptions})
        else ts_headline('simple', translate(p.body, ${MARK_START + MARK_STOP}, ''), q.query, ${bodyOptions})
      end as snippet
    from hits cross join q
    join topics t on t.id = hits.topic_id
    left join posts p on p.id = hits.post_id
    join members m on m.id = coalesce(p.author_id, t.author_id)
    left join accounts a on a.member_id = coalesce(p.author_id, t.author_id)
    order by hits.rank desc, hits.created_at desc, hits.topic_id desc, hits.post_id desc nulls first`.execute(db);
  return result.rows.map((r) => ({ ...r, topic_id: Number(r.topic_id), post_id: r.post_id === null ? null : Number(r.post_id), space_id: Number(r.space_id), author_id: Number(r.author_id), rank: Number(r.rank) }));
}
