// Staff split replies off into a new topic, or merge a whole topic into another. Posts are renumbered
// 1, 2, 3 … in both topics; topic and space counters, read marks, notification levels and notifications
// follow the posts in the same transaction. A merged topic stays, closed and deleted, with mergedIntoId.
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../platform/db/database';
import { AppError, invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import { copyTopicLevels, deleteReadMarks, deleteTopicLevels, moveNotifications, readMarksOf, replaceReadMarks } from '../../notifications';
import { limits, slugify } from '../discussions.rules';
import { countInSpace, findSpace, refreshLastPosted } from '../spaces/spaces.store';
import { requireText, type TopicsService } from '../topics/topics.service';
import type { TopicDetail } from '../topics/topics.schema';
import { livePosts, planMerge, planSplit, remapReadMarks, type Plan, type PostFact } from './split-merge.rules';
import type { MergeTopicBody, SplitTopicBody } from './split-merge.schema';
import { dropCrossTopicReplies, insertSplitTopic, lockTopics, markMerged, placePosts, postFacts, recountTopic } from './split-merge.store';

function planned<T>(plan: Plan<T>, field: string): T {
  if (!plan.ok) throw invalid(field, plan.message);
  return plan.value;
}

const numbered = (posts: readonly PostFact[], topicId: number) => posts.map((p, i) => ({ id: p.id, topicId, postNumber: i + 1 }));

export function createSplitMergeService(ctx: AppContext, topics: TopicsService) {
  const db = ctx.database.db;

  /** The topic for staff; 404 first for whoever may not see it, then 403 for members. */
  async function staffTopic(actor: Actor, id: number, what: string) {
    const { topic } = await topics.visibleTopic(actor, id);
    const staff = requireRole(actor, 'moderator', `Only staff can ${what} topics`);
    if (topic.merged_into_id !== null) throw new AppError('conflict', `This topic was merged into topic ${topic.merged_into_id}`);
    if (topic.deleted_at !== null) throw new AppError('conflict', 'This topic is deleted; restore it first');
    return { topic, staff };
  }

  /** Locked rows of the topics, re-checked: someone may have merged or deleted one meanwhile. */
  async function lockLive(trx: Queryable, ids: number[]): Promise<void> {
    const rows = await lockTopics(trx, ids);
    if (rows.length !== ids.length || rows.some((r) => r.deleted_at !== null || r.merged_into_id !== null)) {
      throw new AppError('conflict', 'The topic changed meanwhile; reload it');
    }
  }

  /** New read marks for the posts now in `topicId`, from the marks members had in the topics they came from. */
  async function remapReads(trx: Queryable, sequence: readonly PostFact[], topicId: number, fromTopicIds: number[], at: Date): Promise<void> {
    const before = await readMarksOf(trx, fromTopicIds);
    await replaceReadMarks(trx, remapReadMarks(sequence, topicId, before), at);
  }

  return {
    /** Moves the selected replies into a new topic (in this or another space); answers the new topic. */
    async split(actor: Actor, id: number, body: SplitTopicBody, ip: string): Promise<TopicDetail> {
      const { topic, staff } = await staffTopic(actor, id, 'split');
      const title = requireText('title', body.title, limits.titleMin);
      const spaceId = body.spaceId ?? topic.space_id;
      if (!(await findSpace(db, spaceId))) throw invalid('spaceId', 'No such space');
      const at = new Date();
      const newTopicId = await ctx.database.tx(async (trx) => {
        await lockLive(trx, [id]);
        const { kept, moved } = planned(planSplit(await postFacts(trx, id), new Set(body.postIds)), 'postIds');
        const first = moved[0];
        if (!first) throw invalid('postIds', 'Select at least one post');
        const created = await insertSplitTopic(trx, { spaceId, authorId: first.authorId, title, slug: slugify(title), tags: topic.tags, createdAt: first.createdAt, at });
        // Read marks are mapped with the old numbers, so before the posts move.
        await remapReads(trx, moved, created, [id], at);
        await remapReads(trx, kept, id, [id], at);
        await placePosts(trx, [...numbered(kept, id), ...numbered(moved, created)]);
        await dropCrossTopicReplies(trx, [id, created]);
        await recountTopic(trx, id, at);
        await recountTopic(trx, created, at);
        await copyTopicLevels(trx, id, created, at);
        await moveNotifications(trx, id, created, moved.map((p) => p.id));
        const live = livePosts(moved);
        await countInSpace(trx, topic.space_id, { topics: 0, posts: -live, at: null });
        await countInSpace(trx, spaceId, { topics: 1, posts: live, at: null });
        await refreshLastPosted(trx, [...new Set([topic.space_id, spaceId])]);
        await insertAudit(trx, {
          actorId: staff.memberId, action: 'topic.split', targetType: 'topic', targetId: id,
          before: { postIds: moved.map((p) => p.id), postNumbers: moved.map((p) => p.postNumber) }, after: { newTopicId: created, spaceId, title }, ip,
        });
        return created;
      });
      await ctx.bus.emit('topic.split', { topicId: id, spaceId: topic.space_id, newTopicId });
      await ctx.bus.emit('topic.updated', { topicId: id, spaceId: topic.space_id });
      await ctx.bus.emit('topic.updated', { topicId: newTopicId, spaceId });
      return topics.detail(actor, newTopicId, 0);
    },

    /** Moves every post of this topic into another, ordered by time; this one is left closed and deleted, pointing there. */
    async merge(actor: Actor, id: number, body: MergeTopicBody, ip: string): Promise<TopicDetail> {
      const { topic: source, staff } = await staffTopic(actor, id, 'merge');
      const intoId = body.intoTopicId;
      if (intoId === id) throw invalid('intoTopicId', 'A topic cannot be merged into itself');
      const target = await topics.visibleTopic(actor, intoId).then(
        (v) => v.topic,
        (error: unknown) => {
          throw error instanceof AppError && error.code === 'not_found' ? invalid('intoTopicId', 'No such topic') : error;
        },
      );
      if (target.deleted_at !== null) throw new AppError('conflict', 'The topic to merge into is deleted', { field: 'intoTopicId' });
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        await lockLive(trx, [id, intoId]);
        const sourcePosts = await postFacts(trx, id);
        const sequence = planned(planMerge(await postFacts(trx, intoId), sourcePosts), 'intoTopicId');
        await remapReads(trx, sequence, intoId, [id, intoId], at);
        await deleteReadMarks(trx, id);
        await placePosts(trx, numbered(sequence, intoId));
        await recountTopic(trx, intoId, at);
        await markMerged(trx, id, { intoTopicId: intoId, by: staff.memberId, at });
        await copyTopicLevels(trx, id, intoId, at);
        await deleteTopicLevels(trx, id);
        await moveNotifications(trx, id, intoId);
        const live = livePosts(sourcePosts);
        await countInSpace(trx, source.space_id, { topics: -1, posts: -live, at: null });
        await countInSpace(trx, target.space_id, { topics: 0, posts: live, at: null });
        await refreshLastPosted(trx, [...new Set([source.space_id, target.space_id])]);
        await insertAudit(trx, {
          actorId: staff.memberId, action: 'topic.merge', targetType: 'topic', targetId: id,
          before: { spaceId: source.space_id, title: source.title, posts: sourcePosts.length }, after: { intoTopicId: intoId }, ip,
        });
      });
      await ctx.bus.emit('topic.merged', { topicId: id, spaceId: source.space_id, intoTopicId: intoId });
      await ctx.bus.emit('topic.deleted', { topicId: id, spaceId: source.space_id });
      await ctx.bus.emit('topic.updated', { topicId: intoId, spaceId: target.space_id });
      return topics.detail(actor, intoId, 0);
    },
  };
}

export type SplitMergeService = ReturnType<typeof createSplitMergeService>;
