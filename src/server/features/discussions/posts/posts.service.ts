// Posts: replies, edits with revisions and conflict detection, soft deletes, reactions.
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../platform/db/database';
import type { ModerationState } from '../../../platform/db/schema-moderation';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { hasRole, requireMember, requireRole, type Actor, type Principal } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import { requireKnownMentions } from '../../notifications';
import { withBookmarks } from '../bookmarks/bookmarks.read';
import { limits, type Reaction } from '../discussions.rules';
import { renderMarkdown } from '../markdown';
import { openGate, type HeldPost, type PostGate } from '../post-gate';
import { countInSpace } from '../spaces/spaces.store';
import { requireText, type TopicsService, type VisibleTopic } from '../topics/topics.service';
import { nextPostNumber, restoreTopic, softDeleteTopic, updateTopic } from '../topics/topics.store';
import { readPost } from './posts.read';
import { presentRevisions } from './revisions.presenter';
import { plainExcerpt } from './excerpt.rules';
import type { CreatePostBody, EditPostBody, MyHeldPosts, PostView, ReactionSummary, RevisionList } from './posts.schema';
import {
  deleteReaction, findPost, heldPostsOf, insertPost, insertReaction, insertRevision, listRevisions, postInTopic, reactionCounts, restorePost, softDeletePost, updatePostBody,
  type PostRow,
} from './posts.store';
import { announceVisibility, releasePost, withholdPost, type VisibilityChange } from './withhold';

interface VisiblePost extends VisibleTopic {
  post: PostRow;
}

export function createPostsService(ctx: AppContext, topics: TopicsService, gate: PostGate = openGate) {
  const db = ctx.database.db;
  const viewerOf = (actor: Actor) => ({ memberId: actor?.memberId ?? null, isStaff: hasRole(actor, 'moderator') });

  /** 404 for a post the viewer cannot see: in a hidden space or topic, or deleted (unless `deletedToo`, for staff and its author). */
  async function visiblePost(actor: Actor, id: number, deletedToo = false): Promise<VisiblePost> {
    const post = await findPost(db, id);
    if (!post) throw notFound('Post not found');
    const visible = await topics.visibleTopic(actor, post.topic_id);
    const mayStillSee = deletedToo && (hasRole(actor, 'moderator') || post.author_id === actor?.memberId);
    if (post.deleted_at !== null && !mayStillSee) throw notFound('Post not found');
    return { ...visible, post };
  }

  /** Authors change their own posts, staff anyone's; nobody but staff in a locked topic. */
  function requireAuthorOrStaff(member: Principal, { post, topic }: VisiblePost, what: string): boolean {
    const isStaff = hasRole(member, 'moderator');
    if (!isStaff && post.author_id !== member.memberId) throw forbidden(`Only its author or staff can ${what} a post`);
    if (!isStaff && topic.locked) throw new AppError('topic_locked', 'This topic is locked');
    return isStaff && post.author_id !== member.memberId;
  }

  async function present(actor: Actor, postId: number): Promise<PostView> {
    const view = await readPost(db, postId, viewerOf(actor));
    if (!view) throw notFound('Post not found');
    const [marked] = await withBookmarks(db, actor?.memberId ?? null, [view]);
    return marked ?? view;
  }

  async function summary(actor: Actor, postId: number): Promise<{ reactions: ReactionSummary[] }> {
    const rows = await reactionCounts(db, [postId], actor?.memberId ?? null);
    return { reactions: rows.map((r) => ({ emoji: r.emoji, count: r.count, reacted: r.reacted })) };
  }

  return {
    /** The HTML a post with this Markdown would get, for the composer's preview. Nothing is stored. */
    preview(actor: Actor, markdown: string): { html: string } {
      requireMember(actor);
      return { html: renderMarkdown(markdown) };
    },

    /** A new reply, or (202) a held one that waits for a moderator. */
    async reply(actor: Actor, topicId: number, body: CreatePostBody): Promise<PostView | HeldPost> {
      const member = requireMember(actor);
      const markdown = requireText('body', body.body, limits.bodyMin);
      const { topic, access } = await topics.visibleTopic(actor, topicId);
      if (topic.deleted_at !== null) throw notFound('Topic not found');
      if (!access.canReply) throw forbidden('You cannot reply in this space');
      const isStaff = hasRole(actor, 'moderator');
      if (topic.locked && !isStaff) throw new AppError('topic_locked', 'This topic is locked');
      if (topic.closed && !isStaff) throw new AppError('topic_closed', 'This topic is closed to new replies');
      if (body.replyToPostId !== undefined && !(await postInTopic(db, body.replyToPostId, topicId))) {
        throw invalid('replyToPostId', 'That post is not in this topic');
      }
      await requireKnownMentions(db, markdown);
      const at = new Date();
      const html = renderMarkdown(markdown);
      const verdict = await gate.check({ kind: 'reply', authorId: member.memberId, spaceId: topic.space_id, topicId, title: null, markdown, html, replyToPostId: body.replyToPostId ?? null, at });
      const held = verdict.held !== null;
      const postId = await ctx.database.tx(async (trx) => {
        const postNumber = await nextPostNumber(trx, topicId, { isReply: true, posterId: member.memberId, at, held });
        const id = await insertPost(trx, { topicId, authorId: member.memberId, postNumber, replyToPostId: body.replyToPostId ?? null, body: markdown, html, at, held });
        if (!held) await countInSpace(trx, topic.space_id, { topics: 0, posts: 1, at });
        await recordActivity(trx, { memberId: member.memberId, kind: held ? 'post.held' : 'post.created', occurredAt: at, spaceId: topic.space_id, topicId, postId: id });
        await verdict.record(trx, { postId: id, topicId });
        return id;
      });
      if (!held) await ctx.bus.emit('post.created', { postId, topicId, spaceId: topic.space_id, authorId: member.memberId });
      await verdict.afterCommit({ postId, topicId });
      if (verdict.held) return { id: postId, topicId, status: 'held', reason: verdict.held };
      return present(actor, postId);
    },

    async edit(actor: Actor, id: number, body: EditPostBody, ip: string): Promise<PostView> {
      const member = requireMember(actor);
      const markdown = requireText('body', body.body, limits.bodyMin);
      const visible = await visiblePost(actor, id);
      const { post, topic } = visible;
      const byStaff = requireAuthorOrStaff(member, visible, 'edit');
      const conflict = () => new AppError('edit_conflict', `The post changed since revision ${body.revision}; reload it and edit again`, { field: 'revision' });
      if (body.revision !== post.revision) throw conflict();
      await requireKnownMentions(db, markdown);
      await ctx.database.tx(async (trx) => {
        if (!(await updatePostBody(trx, id, body.revision, { body: markdown, html: renderMarkdown(markdown), at: new Date() }))) throw conflict();
        await insertRevision(trx, { postId: id, revision: post.revision, body: post.body, editorId: member.memberId });
        if (byStaff) await insertAudit(trx, { actorId: member.memberId, action: 'post.edit', targetType: 'post', targetId: id, after: { revision: post.revision + 1 }, ip });
      });
      await ctx.bus.emit('post.updated', { postId: id, topicId: topic.id, spaceId: topic.space_id });
      return present(actor, id);
    },

    /** Soft delete; deleting the first post deletes the topic. */
    async remove(actor: Actor, id: number, ip: string): Promise<void> {
      const member = requireMember(actor);
      const visible = await visiblePost(actor, id, true);
      const { post, topic } = visible;
      const byStaff = requireAuthorOrStaff(member, visible, 'delete');
      if (post.deleted_at !== null) return;
      const isFirst = post.post_number === 1;
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        if (!(await softDeletePost(trx, id, member.memberId, at))) return;
        if (isFirst) {
          await softDeleteTopic(trx, topic.id, member.memberId, at);
          await countInSpace(trx, topic.space_id, { topics: -1, posts: -(topic.reply_count + 1), at: null });
        } else {
          await updateTopic(trx, topic.id, { replyCountChange: -1 });
          await countInSpace(trx, topic.space_id, { topics: 0, posts: -1, at: null });
        }
        if (byStaff) await insertAudit(trx, { actorId: member.memberId, action: isFirst ? 'topic.delete' : 'post.delete', targetType: 'post', targetId: id, ip });
      });
      await ctx.bus.emit('post.deleted', { postId: id, topicId: topic.id, spaceId: topic.space_id });
      if (isFirst) await ctx.bus.emit('topic.deleted', { topicId: topic.id, spaceId: topic.space_id });
    },

    /** The viewer's own replies in the topic that moderation holds: their author sees them waiting, nobody else does. */
    async heldForMe(actor: Actor, topicId: number): Promise<MyHeldPosts> {
      const member = requireMember(actor);
      await topics.visibleTopic(actor, topicId);
      const rows = await heldPostsOf(db, topicId, member.memberId);
      return { items: rows.map((r) => ({ id: r.id, postNumber: r.post_number, excerpt: plainExcerpt(r.html, 280), createdAt: r.created_at.toISOString() })) };
    },

    /** Every revision of a post, for whoever may see it (a deleted one: its author and staff). */
    async revisions(actor: Actor, id: number): Promise<RevisionList> {
      const { post } = await visiblePost(actor, id, true);
      return { items: presentRevisions(post, await listRevisions(db, id)) };
    },

    /** Staff undo a soft delete; restoring the first post restores the topic. */
    async restore(actor: Actor, id: number, ip: string): Promise<PostView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can restore posts');
      const { post, topic } = await visiblePost(actor, id, true);
      if (post.deleted_at === null) return present(actor, id);
      const isFirst = post.post_number === 1;
      if (!isFirst && topic.deleted_at !== null) throw new AppError('conflict', 'The topic is deleted; restore its first post first');
      const at = new Date();
      const restored = await ctx.database.tx(async (trx) => {
        if (!(await restorePost(trx, id, at))) return false;
        if (isFirst && (await restoreTopic(trx, topic.id, at))) {
          await countInSpace(trx, topic.space_id, { topics: 1, posts: topic.reply_count + 1, at: null });
        } else if (!isFirst) {
          await updateTopic(trx, topic.id, { replyCountChange: 1 });
          await countInSpace(trx, topic.space_id, { topics: 0, posts: 1, at: null });
        }
        await insertAudit(trx, { actorId: staff.memberId, action: isFirst ? 'topic.restore' : 'post.restore', targetType: 'post', targetId: id, ip });
        return true;
      });
      if (restored) {
        await ctx.bus.emit('post.updated', { postId: id, topicId: topic.id, spaceId: topic.space_id });
        if (isFirst) await ctx.bus.emit('topic.updated', { topicId: topic.id, spaceId: topic.space_id });
      }
      return present(actor, id);
    },

    async react(actor: Actor, id: number, emoji: Reaction): Promise<{ reactions: ReactionSummary[] }> {
      const member = requireMember(actor);
      const { post, topic } = await visiblePost(actor, id);
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        if (!(await insertReaction(trx, id, member.memberId, emoji))) throw new AppError('already_reacted', `You already reacted with ${emoji}`, { field: 'emoji' });
        await recordActivity(trx, { memberId: member.memberId, kind: 'reaction.added', occurredAt: at, spaceId: topic.space_id, topicId: topic.id, postId: id, props: { emoji, postAuthorId: post.author_id } });
      });
      await ctx.bus.emit('reaction.added', { postId: id, topicId: topic.id, spaceId: topic.space_id, memberId: member.memberId, emoji });
      return summary(actor, id);
    },

    async unreact(actor: Actor, id: number, emoji: Reaction): Promise<void> {
      const member = requireMember(actor);
      const { topic } = await visiblePost(actor, id);
      if (!(await deleteReaction(db, id, member.memberId, emoji))) throw notFound('You have not reacted with that emoji');
      await ctx.bus.emit('reaction.removed', { postId: id, topicId: topic.id, spaceId: topic.space_id, memberId: member.memberId, emoji });
    },

    // Moderation (review queue, flags): no actor, the caller has checked its rights. See withhold.ts.
    /** Withholds the post (soft delete with a state; a first post takes its topic); false when readers saw no change. */
    async withhold(postId: number, state: ModerationState, byMemberId: number | null): Promise<boolean> {
      const change = await ctx.database.tx((trx) => withholdPost(trx, postId, state, byMemberId));
      await announceVisibility(ctx.bus, change);
      return change !== null;
    },
    /** Restores a withheld post and its counters; false when it was not withheld. */
    async release(postId: number): Promise<boolean> {
      const change = await ctx.database.tx((trx) => releasePost(trx, postId));
      await announceVisibility(ctx.bus, change);
      return change !== null;
    },
    /** The same inside the caller's transaction; pass the result to announce() after commit. */
    withholdIn: (trx: Queryable, postId: number, state: ModerationState, byMemberId: number | null): Promise<VisibilityChange | null> => withholdPost(trx, postId, state, byMemberId),
    releaseIn: (trx: Queryable, postId: number): Promise<VisibilityChange | null> => releasePost(trx, postId),
    announce: (change: VisibilityChange | null): Promise<void> => announceVisibility(ctx.bus, change),
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
