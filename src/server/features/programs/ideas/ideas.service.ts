// Ideas boards: in a space of kind 'ideas' every topic is an idea. Members vote once per idea and may
// take the vote back; anyone who sees the board reads ideas by votes, trending or age, and a roadmap.
// Staff statuses and merges are in ideas-status.service.ts.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import type { Discussions } from '../../discussions';
import { listIdeas, statusCounts, type IdeaListAfter } from './ideas-list.store';
import { presentStatusChange, presentSummary } from './ideas.presenter';
import { ROADMAP_STATUSES } from './ideas.rules';
import type { IdeaListQuery, IdeaPage, IdeaView, IdeaVoteView, RoadmapQuery, RoadmapView } from './ideas.schema';
import { addToVoteCount, addVote, duplicatesOf, findIdeaState, hasVoted, lockIdea, removeVote, statusHistory, topicRefs } from './ideas.store';

export interface IdeasDeps {
  discussions: Pick<Discussions, 'spaces' | 'topics'>;
}

export function createIdeaAccess(deps: IdeasDeps) {
  const { spaces, topics } = deps.discussions;

  /** A board the actor may see; 404 when not, 409 not_ideas_space when the space is no ideas board. */
  async function board(actor: Actor, spaceId: number) {
    const visible = await spaces.visible(actor, spaceId);
    if (visible.space.kind !== 'ideas') throw new AppError('not_ideas_space', 'This space is not an ideas board');
    return visible;
  }

  /** An idea the actor may see: a topic in an ideas board (404, 409 not_ideas_space). */
  async function idea(actor: Actor, topicId: number) {
    const { topic } = await topics.visibleTopic(actor, topicId);
    if (topic.merged_into_id !== null) throw notFound('Topic not found');
    const { space, access } = await board(actor, topic.space_id);
    return { topic, space, access };
  }

  /** Ids of the spaces the actor may see, to keep links to ideas elsewhere private. */
  async function seenSpaceIds(actor: Actor): Promise<Set<number>> {
    return new Set(await spaces.visibleSpaceIds(await spaces.viewerOf(actor)));
  }

  return { board, idea, seenSpaceIds };
}

export type IdeaAccess = ReturnType<typeof createIdeaAccess>;

const badCursor = () => invalid('cursor', 'cursor is not valid');
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
/** Years 1 to 9999: what both JavaScript and PostgreSQL read back the same. */
const isSaneTime = (at: Date): boolean => at.getTime() >= -62_135_596_800_000 && at.getTime() <= 253_402_300_799_999;

/** The list position a cursor carries; 400 for anything pageOf() would not have written (no 500 from odd numbers). */
function afterOf(query: IdeaListQuery, sort: IdeaListAfter['sort']): IdeaListAfter | undefined {
  if (query.cursor === undefined) return undefined;
  if (sort === 'trending') {
    const [offset] = decodeCursor(query.cursor, ['number']) ?? [];
    if (!isId(offset)) throw badCursor();
    return { sort, offset };
  }
  const [first, id] = decodeCursor(query.cursor, [sort === 'votes' ? 'number' : 'string', 'number']) ?? [];
  if (!isId(id)) throw badCursor();
  if (sort === 'votes') {
    if (!isId(first) || first > 2_147_483_647) throw badCursor();
    return { sort, votes: first, id };
  }
  const createdAt = new Date(String(first));
  if (Number.isNaN(createdAt.getTime()) || !isSaneTime(createdAt)) throw badCursor();
  return { sort, createdAt, id };
}

export function createIdeasService(ctx: AppContext, access: IdeaAccess) {
  const db = ctx.database.db;

  async function voteView(topicId: number, memberId: number): Promise<IdeaVoteView> {
    const state = await findIdeaState(db, topicId);
    return { topicId, votes: state?.vote_count ?? 0, voted: await hasVoted(db, topicId, memberId) };
  }

  /** Tells open pages the new count (after commit) and passes the view on. */
  async function announced(view: IdeaVoteView, spaceId: number): Promise<IdeaVoteView> {
    await ctx.bus.emit('idea.votesChanged', { topicId: view.topicId, spaceId, votes: view.votes });
    return view;
  }

  return {
    async vote(actor: Actor, topicId: number): Promise<IdeaVoteView> {
      const member = requireMember(actor);
      const { topic } = await access.idea(actor, topicId);
      if (topic.deleted_at !== null) throw notFound('Topic not found');
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        // The idea row's lock comes first in every vote write, so the count and the votes agree.
        const idea = await lockIdea(trx, topicId);
        if (idea.merged_into_id !== null) throw new AppError('idea_merged', 'This idea was merged into another one; vote there');
        if (!(await addVote(trx, topicId, member.memberId, at))) throw new AppError('already_voted', 'You already vote for this idea');
        await addToVoteCount(trx, topicId, 1);
        await recordActivity(trx, { memberId: member.memberId, kind: 'idea.vote', occurredAt: at, spaceId: topic.space_id, topicId });
      });
      return announced(await voteView(topicId, member.memberId), topic.space_id);
    },

    async unvote(actor: Actor, topicId: number): Promise<IdeaVoteView> {
      const member = requireMember(actor);
      const { topic } = await access.idea(actor, topicId);
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        await lockIdea(trx, topicId);
        if (!(await removeVote(trx, topicId, member.memberId))) throw new AppError('not_voted', 'You do not vote for this idea');
        await addToVoteCount(trx, topicId, -1);
        await recordActivity(trx, { memberId: member.memberId, kind: 'idea.unvote', occurredAt: at, spaceId: topic.space_id, topicId });
      });
      return announced(await voteView(topicId, member.memberId), topic.space_id);
    },

    async get(actor: Actor, topicId: number): Promise<IdeaView> {
      const { topic } = await access.idea(actor, topicId);
      const [state, voted, history, duplicates, seen] = await Promise.all([
        findIdeaState(db, topicId),
        actor ? hasVoted(db, topicId, actor.memberId) : Promise.resolve(false),
        statusHistory(db, topicId),
        duplicatesOf(db, topicId),
        access.seenSpaceIds(actor),
      ]);
      const [into] = state?.merged_into_id ? await topicRefs(db, [state.merged_into_id]) : [];
      const ref = (t: { id: number; title: string; slug: string }) => ({ id: t.id, title: t.title, slug: t.slug });
      return {
        topicId,
        spaceId: topic.space_id,
        title: topic.title,
        slug: topic.slug,
        author: { id: topic.author_id, username: topic.username, displayName: topic.display_name },
        votes: state?.vote_count ?? 0,
        voted,
        status: state?.status ?? 'open',
        statusComment: state?.status_comment ?? '',
        statusCommentHtml: state?.status_comment_html ?? '',
        statusChangedAt: state?.status_changed_at?.toISOString() ?? null,
        mergedInto: into && seen.has(into.space_id) ? ref(into) : null,
        duplicates: duplicates.filter((d) => seen.has(d.space_id)).map(ref),
        history: history.map(presentStatusChange),
        canManage: hasRole(actor, 'moderator'),
      };
    },

    async list(actor: Actor, spaceId: number, query: IdeaListQuery): Promise<IdeaPage> {
      await access.board(actor, spaceId);
      const sort = query.sort ?? 'votes';
      const limit = query.limit ?? 20;
      const after = afterOf(query, sort);
      const offset = after?.sort === 'trending' ? after.offset : 0;
      const rows = await listIdeas(db, { spaceId, viewerId: actor?.memberId ?? null, sort, status: query.status, includeUnlisted: hasRole(actor, 'moderator'), limit, after, now: new Date() });
      const page = pageOf(rows, limit, (r) => (sort === 'votes' ? [Number(r.votes), r.id] : sort === 'new' ? [r.created_at.toISOString(), r.id] : [offset + limit]));
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },

    async roadmap(actor: Actor, spaceId: number, query: RoadmapQuery): Promise<RoadmapView> {
      await access.board(actor, spaceId);
      const limit = query.limit ?? 10;
      const includeUnlisted = hasRole(actor, 'moderator');
      const now = new Date();
      const counts = await statusCounts(db, spaceId, includeUnlisted);
      const columns = await Promise.all(
        ROADMAP_STATUSES.map(async (status) => {
          const rows = await listIdeas(db, { spaceId, viewerId: actor?.memberId ?? null, sort: 'votes', status, includeUnlisted, limit, after: undefined, now });
          return { status, count: counts.get(status) ?? 0, items: rows.slice(0, limit).map(presentSummary) };
        }),
      );
      return { spaceId, columns };
    },
  };
}

export type IdeasService = ReturnType<typeof createIdeasService>;
