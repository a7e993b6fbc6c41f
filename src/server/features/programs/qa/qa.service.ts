// Q&A: the asker (or staff, or the space's moderators) accepts one answer; members vote answers up.
// Both feed the reputation ledger in the same transaction; taking them back removes the entry.
import type { AppContext } from '../../../context';
import { AppError, forbidden, invalid, notFound, pgCodes, pgErrorCode } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, type Actor, type Principal } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import type { SettingsService } from '../../settings';
import { rulesFor } from '../badges/badges.rules';
import type { BadgesService } from '../badges/badges.service';
import { presentAnswer, presentQuestion, presentStats } from './qa.presenter';
import { acceptEarns, acceptProblem, countsAsAnswer, isQaSpace, mayAccept, raise, voteProblem } from './qa.rules';
import type { QaStatsQuery, QaStatsView, QuestionPage, QuestionQuery, TopicQaView, VoteView } from './qa.schema';
import { deleteVote, findAnswerPost, findAnswerWithAuthor, type AnswerPostRow, findQaTopic, insertVote, listQuestions, missingFirstAnswers, myVotes, qaStats, recordFirstAnswer, setAccepted, voteCounts, votesOn } from './qa.store';
import { addReputation, removeReputation, votesWithoutPoints } from './reputation.store';

export interface QaDeps {
  settings: Pick<SettingsService, 'get'>;
  discussions: Pick<Discussions, 'spaces' | 'topics'>;
  notices: ModerationNotices;
  badges: Pick<BadgesService, 'evaluate'>;
}

const notQa = () => new AppError('not_qa_space', 'This is not a Q&A space');

/** A (created_at, id) cursor as pageOf() writes it; 400 for odd numbers or years that would fail in SQL. */
function questionCursor(cursor: string | undefined): { at: Date; id: number } | undefined {
  const after = decodeTimeCursor(cursor);
  if (!after) return undefined;
  const time = after.at.getTime();
  if (!Number.isSafeInteger(after.id) || after.id < 0 || time < -62_135_596_800_000 || time > 253_402_300_799_999) throw invalid('cursor', 'cursor is not valid');
  return after;
}

export function createQaService(ctx: AppContext, deps: QaDeps) {
  const db = ctx.database.db;
  const { spaces, topics } = deps.discussions;

  /** A live topic the viewer may see, its space and the viewer's rights there; 404 otherwise. */
  async function question(actor: Actor, topicId: number) {
    const { topic, access } = await topics.visibleTopic(actor, topicId);
    if (topic.deleted_at !== null) throw notFound('Topic not found');
    const { space } = await spaces.visible(actor, topic.space_id);
    return { topic, access, space };
  }

  async function moderates(actor: Actor, spaceId: number): Promise<boolean> {
    return hasRole(actor, 'moderator') || (await spaces.moderatedSpaceIds(actor)).includes(spaceId);
  }

  async function accepter(actor: Actor, topicId: number) {
    const member = requireMember(actor);
    const q = await question(actor, topicId);
    if (!isQaSpace(q.space.kind)) throw notQa();
    const moderatesSpace = await moderates(actor, q.topic.space_id);
    if (!mayAccept({ memberId: member.memberId, isStaff: false, moderatesSpace }, q.topic.author_id)) throw forbidden('Only the asker and moderators can accept an answer');
    return { member, ...q, byStaff: member.memberId !== q.topic.author_id };
  }

  /** A live answer the viewer may see; 404 otherwise. */
  async function answer(actor: Actor, postId: number) {
    const post = await findAnswerPost(db, postId);
    if (!post || post.deleted_at !== null || post.topic_deleted_at !== null) throw notFound('Post not found');
    const { access } = await topics.visibleTopic(actor, post.topic_id);
    return { post, access };
  }

  /**
   * The up-votes an answer kept while it was deleted or withheld earn their points again, once. Acceptance is
   * not given back (the asker may have accepted another answer since); they accept it again if they wish.
   */
  async function restorePoints(post: AnswerPostRow): Promise<void> {
    // Most posts have nothing to restore: find that out before taking a lock.
    if (post.post_number === 1 || (await votesWithoutPoints(db, post.id)).length === 0) return;
    const { qaReputation } = await deps.settings.get();
    await ctx.database.tx(async (trx) => {
      // The post row's lock orders this against another restore of the same post (another event or process).
      const locked = await findAnswerPost(trx, post.id, true);
      if (!locked || locked.deleted_at !== null) return;
      for (const vote of await votesWithoutPoints(trx, post.id)) {
        await addReputation(trx, { memberId: post.author_id, points: qaReputation.upvote, reason: 'answer_upvoted', postId: post.id, actorId: vote.memberId, at: vote.at });
      }
    });
  }

  const service = {
    async topicQa(actor: Actor, topicId: number): Promise<TopicQaView> {
      const { topic, access, space } = await question(actor, topicId);
      if (!isQaSpace(space.kind)) throw notQa();
      const [row, votes, mine, moderatesSpace] = await Promise.all([
        findQaTopic(db, topicId),
        voteCounts(db, topicId),
        actor ? myVotes(db, topicId, actor.memberId) : Promise.resolve([]),
        moderates(actor, topic.space_id),
      ]);
      const accepted = row?.accepted_post_id ? await findAnswerWithAuthor(db, row.accepted_post_id) : undefined;
      const votesOf = (postId: number) => votes.find((v) => v.postId === postId)?.count ?? 0;
      return {
        topicId,
        askerId: topic.author_id,
        acceptedAnswer: accepted && row?.accepted_at ? presentAnswer(accepted, row.accepted_at, votesOf(accepted.id)) : null,
        votes,
        myVotes: mine,
        canAccept: mayAccept(actor && { memberId: actor.memberId, isStaff: false, moderatesSpace }, topic.author_id),
        canVote: actor !== null && access.canReply,
        firstAnswerAt: row?.first_answer_at?.toISOString() ?? null,
      };
    },

    async accept(actor: Actor, topicId: number, postId: number, ip: string | null): Promise<TopicQaView> {
      const { member, topic, space, byStaff } = await accepter(actor, topicId);
      const post = await findAnswerPost(db, postId);
      if (!post || post.deleted_at !== null) throw notFound('Post not found');
      raise(acceptProblem({ kind: space.kind, topicId: post.topic_id, postNumber: post.post_number, authorId: post.author_id, askerId: topic.author_id }, topicId));
      const { qaReputation } = await deps.settings.get();
      const at = new Date();
      const tell = post.author_id !== member.memberId && (await spaces.membersWhoSee([topic.space_id], [post.author_id])).has(post.author_id);
      const written = await ctx.database.tx(async (trx) => {
        const current = await findQaTopic(trx, topicId, true);
        if (current?.accepted_post_id === postId) return [];
        if (current?.accepted_post_id) await removeReputation(trx, { reason: 'answer_accepted', postId: current.accepted_post_id });
        await setAccepted(trx, topicId, { postId, by: member.memberId, at });
        if (acceptEarns(post.author_id, topic.author_id)) {
          await addReputation(trx, { memberId: post.author_id, points: qaReputation.accepted, reason: 'answer_accepted', postId, actorId: member.memberId, at });
        }
        await recordActivity(trx, { memberId: member.memberId, kind: 'answer.accepted', occurredAt: at, spaceId: topic.space_id, topicId, postId });
        if (byStaff) await insertAudit(trx, { actorId: member.memberId, action: 'answer.accept', targetType: 'topic', targetId: topicId, before: { postId: current?.accepted_post_id ?? null }, after: { postId }, ip });
        if (!tell) return [];
        const url = `/t/${topic.slug}/${topicId}#post-${post.post_number}`;
        return deps.notices.write(trx, [{ memberId: post.author_id, title: 'Your answer was accepted', text: `Your answer to "${topic.title}" was accepted.`, url, type: 'notice', actorId: member.memberId, at }]);
      });
      await deps.notices.announce(written);
      await deps.badges.evaluate([post.author_id], rulesFor.accepted);
      await ctx.bus.emit('qa.changed', { topicId, spaceId: topic.space_id });
      return service.topicQa(actor, topicId);
    },

    async unaccept(actor: Actor, topicId: number, ip: string | null): Promise<void> {
      const { member, topic, byStaff } = await accepter(actor, topicId);
      await ctx.database.tx(async (trx) => {
        const current = await findQaTopic(trx, topicId, true);
        if (!current?.accepted_post_id) throw notFound('No answer is accepted');
        await removeReputation(trx, { reason: 'answer_accepted', postId: current.accepted_post_id });
        await setAccepted(trx, topicId, null);
        if (byStaff) await insertAudit(trx, { actorId: member.memberId, action: 'answer.unaccept', targetType: 'topic', targetId: topicId, before: { postId: current.accepted_post_id }, ip });
      });
      await ctx.bus.emit('qa.changed', { topicId, spaceId: topic.space_id });
    },

    async vote(actor: Actor, postId: number): Promise<VoteView> {
      const member = requireMember(actor);
      const { post, access } = await answer(actor, postId);
      raise(voteProblem({ kind: post.kind, topicId: post.topic_id, postNumber: post.post_number, authorId: post.author_id, askerId: post.asker_id }, member.memberId));
      if (!access.canReply) throw forbidden('You cannot take part in this space');
      const { qaReputation } = await deps.settings.get();
      const at = new Date();
      try {
        await ctx.database.tx(async (trx) => {
          await insertVote(trx, { postId, memberId: member.memberId, topicId: post.topic_id, at });
          await addReputation(trx, { memberId: post.author_id, points: qaReputation.upvote, reason: 'answer_upvoted', postId, actorId: member.memberId, at });
          await recordActivity(trx, { memberId: member.memberId, kind: 'answer.upvoted', occurredAt: at, spaceId: post.space_id, topicId: post.topic_id, postId });
        });
      } catch (error) {
        if (pgErrorCode(error) === pgCodes.uniqueViolation) throw new AppError('already_voted', 'You already voted for this answer');
        throw error;
      }
      await deps.badges.evaluate([post.author_id], rulesFor.upvoted);
      await ctx.bus.emit('qa.changed', { topicId: post.topic_id, spaceId: post.space_id });
      return { postId, count: await votesOn(db, postId), voted: true };
    },

    async unvote(actor: Actor, postId: number): Promise<VoteView> {
      const member: Principal = requireMember(actor);
      const { post } = await answer(actor, postId);
      if (!isQaSpace(post.kind)) throw notQa();
      await ctx.database.tx(async (trx) => {
        if (!(await deleteVote(trx, postId, member.memberId))) throw notFound('You have not voted for this answer');
        await removeReputation(trx, { reason: 'answer_upvoted', postId, actorId: member.memberId });
      });
      await ctx.bus.emit('qa.changed', { topicId: post.topic_id, spaceId: post.space_id });
      return { postId, count: await votesOn(db, postId), voted: false };
    },

    async questions(actor: Actor, spaceId: number, query: QuestionQuery): Promise<QuestionPage> {
      const { space } = await spaces.visible(actor, spaceId);
      if (!isQaSpace(space.kind)) throw notQa();
      const limit = query.limit ?? 20;
      const after = questionCursor(query.cursor);
      const rows = await listQuestions(db, spaceId, { filter: query.filter ?? 'all', limit, after, includeUnlisted: hasRole(actor, 'moderator') });
      const page = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
      return { items: page.items.map(presentQuestion), nextCursor: page.nextCursor };
    },

    async stats(actor: Actor, spaceId: number, query: QaStatsQuery, now = new Date()): Promise<QaStatsView> {
      requireMember(actor);
      const { space } = await spaces.visible(actor, spaceId);
      if (!isQaSpace(space.kind)) throw notQa();
      if (!(await moderates(actor, spaceId))) throw forbidden('Only staff and the space\'s moderators can see its Q&A statistics');
      const since = new Date(now.getTime() - (query.days ?? 30) * 86_400_000);
      return presentStats(spaceId, since, await qaStats(db, spaceId, since));
    },

    /**
     * After a post appears (new, or released by a moderator): records the question's first answer
     * (idempotent; any order), and a released answer's up-votes earn their points again.
     */
    async trackAnswer(postId: number): Promise<void> {
      const post = await findAnswerPost(db, postId);
      if (!post || post.deleted_at !== null || !isQaSpace(post.kind)) return;
      if (countsAsAnswer({ postNumber: post.post_number, authorId: post.author_id }, post.asker_id)) await recordFirstAnswer(db, post.topic_id, post.id, post.created_at);
      await restorePoints(post);
    },

    /** After a post is deleted or withheld: a deleted answer is no longer accepted and its points go. */
    async forgetAnswer(postId: number): Promise<void> {
      const post = await findAnswerPost(db, postId);
      if (!post || post.deleted_at === null || !isQaSpace(post.kind) || post.post_number === 1) return;
      await ctx.database.tx(async (trx) => {
        const current = await findQaTopic(trx, post.topic_id, true);
        if (current?.accepted_post_id === postId) await setAccepted(trx, post.topic_id, null);
        await removeReputation(trx, { reason: 'answer_accepted', postId });
        await removeReputation(trx, { reason: 'answer_upvoted', postId });
      });
    },

    /** After staff restore a post (announced as an update): a restored answer's up-votes earn their points again. */
    async answerRestored(postId: number): Promise<void> {
      const post = await findAnswerPost(db, postId);
      if (!post || post.deleted_at !== null || !isQaSpace(post.kind)) return;
      await restorePoints(post);
    },

    /** Daily: first answers that events missed (a held answer released later, another process). */
    async backfillFirstAnswers(): Promise<number> {
      const rows = await missingFirstAnswers(db);
      for (const r of rows) await recordFirstAnswer(db, r.topic_id, Number(r.post_id), new Date(r.at));
      return rows.length;
    },
  };
  return service;
}

export type QaService = ReturnType<typeof createQaService>;
