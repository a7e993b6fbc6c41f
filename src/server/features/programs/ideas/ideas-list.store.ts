// SQL for listing a board's ideas: by votes, trending score or age, with the viewer's own votes.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { IdeaStatus } from '../../../platform/db/schema-ideas';
import { trending } from './ideas.rules';

export type IdeaListAfter =
  | { sort: 'votes'; votes: number; id: number }
  | { sort: 'new'; createdAt: Date; id: number }
  | { sort: 'trending'; offset: number };

export interface IdeaListOptions {
  spaceId: number;
  viewerId: number | null;
  sort: 'votes' | 'trending' | 'new';
  /** undefined: every status but duplicate (merged ideas live on in the idea they duplicate). */
  status: IdeaStatus | undefined;
  includeUnlisted: boolean;
  limit: number;
  after: IdeaListAfter | undefined;
  now: Date;
}

const votes = sql<number>`coalesce(ideas.vote_count, 0)`;
const status = sql<IdeaStatus>`coalesce(ideas.status, 'open')`;

/** The trending score in SQL: the same sum as trendingScore() in ideas.rules.ts. */
function trendingScoreSql(now: Date) {
  const halfLifeSeconds = trending.halfLifeHours * 3600;
  return sql<number>`coalesce((
    select sum(power(0.5::float8, greatest(0, extract(epoch from (${now}::timestamptz - v.created_at)))::float8 / ${halfLifeSeconds}::float8))
    from idea_votes v
    where v.topic_id = topics.id and v.created_at > ${now}::timestamptz - make_interval(days => ${trending.windowDays}::int)
  ), 0)::float8`;
}

function ideasOf(db: Queryable, options: Pick<IdeaListOptions, 'spaceId' | 'viewerId' | 'includeUnlisted' | 'now'>) {
  const voted = options.viewerId === null
    ? sql<boolean>`false`
    : sql<boolean>`exists (select 1 from idea_votes mine where mine.topic_id = topics.id and mine.member_id = ${options.viewerId}::bigint)`;
  let query = db
    .selectFrom('topics')
    .innerJoin('members', 'members.id', 'topics.author_id')
    .leftJoin('accounts', 'accounts.member_id', 'topics.author_id')
    .leftJoin('ideas', 'ideas.topic_id', 'topics.id')
    .select([
      'topics.id', 'topics.title', 'topics.slug', 'topics.author_id', 'topics.created_at', 'topics.reply_count', 'accounts.username', 'members.display_name', 'ideas.merged_into_id',
      votes.as('votes'), status.as('status'), trendingScoreSql(options.now).as('trending_score'), voted.as('voted'),
    ])
    .where('topics.space_id', '=', options.spaceId)
    .where('topics.deleted_at', 'is', null);
  if (!options.includeUnlisted) query = query.where('topics.unlisted', '=', false);
  return query;
}

/** One more than `limit` rows, for pageOf(). */
export async function listIdeas(db: Queryable, options: IdeaListOptions) {
  let query = ideasOf(db, options).limit(options.limit + 1);
  query = options.status === undefined ? query.where(status, '<>', 'duplicate') : query.where(status, '=', options.status);
  const after = options.after;
  if (options.sort === 'votes') {
    query = query.orderBy(votes, 'desc').orderBy('topics.id', 'desc');
    if (after?.sort === 'votes') query = query.where(sql<boolean>`(coalesce(ideas.vote_count, 0), topics.id) < (${after.votes}::int, ${after.id}::bigint)`);
  } else if (options.sort === 'new') {
    query = query.orderBy('topics.created_at', 'desc').orderBy('topics.id', 'desc');
    if (after?.sort === 'new') query = query.where(sql<boolean>`(topics.created_at, topics.id) < (${after.createdAt}::timestamptz, ${after.id}::bigint)`);
  } else {
    query = query.orderBy(sql`trending_score`, 'desc').orderBy(votes, 'desc').orderBy('topics.id', 'desc');
    if (after?.sort === 'trending') query = query.offset(after.offset);
  }
  return query.execute();
}

export type IdeaListRow = Awaited<ReturnType<typeof listIdeas>>[number];

/** How many live ideas of the board have each status. */
export async function statusCounts(db: Queryable, spaceId: number, includeUnlisted: boolean): Promise<Map<IdeaStatus, number>> {
  let query = db
    .selectFrom('topics')
    .leftJoin('ideas', 'ideas.topic_id', 'topics.id')
    .select([status.as('status'), sql<string | number>`count(*)`.as('count')])
    .where('topics.space_id', '=', spaceId)
    .where('topics.deleted_at', 'is', null)
    .groupBy(status);
  if (!includeUnlisted) query = query.where('topics.unlisted', '=', false);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.status, Number(r.count)]));
}
