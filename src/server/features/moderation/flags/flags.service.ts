// Flags: members flag posts they can see, or other members. Each flag weighs by its flagger's trust
// level and track record and adds to the post's review item; when a post's open flags reach the
// threshold it is hidden until a moderator reviews it, and its author is told.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound, pgCodes, pgConstraint, pgErrorCode } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, requireRole, type Actor, type Principal } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { SettingsService } from '../../settings';
import type { ModerationNotices } from '../notices';
import { upsertReviewItem } from '../queue/queue.store';
import { flagMessage, flagWeight, flagsReason, hidesPost, mayFlagAgain } from './flags.rules';
import { presentMyFlag, presentStaffFlag } from './flags.presenter';
import type { FlagBody, MyFlagPage, MyFlagQuery, MyFlagView, PostFlagsView } from './flags.schema';
import { attachToItem, findFlaggableMember, findFlaggablePost, findMemberFlag, flagRecord, insertFlag, lastSettledFlag, listMemberFlags, listPostFlags, openFlags } from './flags.store';

export interface FlagDeps {
  settings: Pick<SettingsService, 'get'>;
  discussions: Pick<Discussions, 'topics' | 'posts'>;
  notices: ModerationNotices;
}

function messageOf(body: FlagBody): string | null {
  const checked = flagMessage(body.reason, body.message);
  if ('problem' in checked) throw invalid('message', checked.problem);
  return checked.message;
}

/** A repeated flag breaks flags_post_key or flags_member_key: one member's flags count once. */
async function once<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const repeated = pgErrorCode(error) === pgCodes.uniqueViolation && ['flags_post_key', 'flags_member_key'].includes(pgConstraint(error) ?? '');
    if (repeated) throw new AppError('already_flagged', message);
    throw error;
  }
}

export function createFlagsService(ctx: AppContext, deps: FlagDeps) {
  const db = ctx.database.db;

  async function weightOf(member: Principal): Promise<number> {
    return flagWeight({ trustLevel: member.trustLevel, isStaff: hasRole(member, 'moderator') }, await flagRecord(db, member.memberId));
  }

  async function present(flagId: number): Promise<MyFlagView> {
    const row = await findMemberFlag(db, flagId);
    if (!row) throw notFound('Flag not found');
    return presentMyFlag(row);
  }

  /** A live post in a live topic the member may see; 404 otherwise (deleted or withheld posts included). */
  async function visiblePost(actor: Actor, postId: number) {
    const post = await findFlaggablePost(db, postId);
    if (!post || post.deleted_at !== null) throw notFound('Post not found');
    const { topic } = await deps.discussions.topics.visibleTopic(actor, post.topic_id);
    if (topic.deleted_at !== null) throw notFound('Post not found');
    return post;
  }

  return {
    async flagPost(actor: Actor, postId: number, body: FlagBody): Promise<MyFlagView> {
      const member = requireMember(actor);
      const message = messageOf(body);
      const post = await visiblePost(actor, postId);
      if (post.author_id === member.memberId) throw new AppError('own_post', 'You cannot flag your own post');
      const weight = await weightOf(member);
      const { flagHideThreshold: threshold } = await deps.settings.get();
      const at = new Date();
      const { flagId, itemId, change, notices } = await once(
        () =>
          ctx.database.tx(async (trx) => {
            // The post row's lock queues flags on one post, so the threshold is crossed exactly once.
            const locked = await findFlaggablePost(trx, postId, true);
            if (!locked || locked.deleted_at !== null) throw notFound('Post not found');
            if (!mayFlagAgain(await lastSettledFlag(trx, postId, member.memberId), locked.edited_at)) {
              throw new AppError('already_flagged', 'You flagged this post before and a moderator settled it; you can flag it again once it is edited');
            }
            const id = await insertFlag(trx, { postId, targetMemberId: post.author_id, flaggerId: member.memberId, reason: body.reason, message, weight, at });
            const open = await openFlags(trx, { postId });
            const itemId = await upsertReviewItem(trx, { kind: 'flagged_post', postId, memberId: post.author_id, spaceId: post.space_id, reason: flagsReason(open.reasons), score: weight });
            await attachToItem(trx, id, itemId);
            await recordActivity(trx, { memberId: member.memberId, kind: 'flag.created', occurredAt: at, spaceId: post.space_id, topicId: post.topic_id, postId, props: { flagId: id, reason: body.reason, weight } });
            const authorIsStaff = post.author_role === 'moderator' || post.author_role === 'admin';
            if (!hidesPost(open.weight, threshold, authorIsStaff)) return { flagId: id, itemId, change: null, notices: [] };
            const hidden = await deps.discussions.posts.withholdIn(trx, postId, 'hidden', null);
            if (!hidden) return { flagId: id, itemId, change: null, notices: [] };
            await insertAudit(trx, { actorId: null, action: 'post.hide', targetType: 'post', targetId: postId, reason: 'flag threshold', after: { openWeight: open.weight, threshold, flags: open.reasons.length } });
            const written = await deps.notices.write(trx, [
              {
                memberId: post.author_id,
                title: 'Your post was hidden',
                text: `Your post in "${post.title}" was hidden after flags from the community; a moderator will review it.`,
                url: `/moderation/mine?post=${postId}&topic=${post.topic_id}`,
                at,
              },
            ]);
            return { flagId: id, itemId, change: hidden, notices: written };
          }),
        'You already flagged this post',
      );
      await deps.discussions.posts.announce(change);
      await deps.notices.announce(notices);
      await ctx.bus.emit('review.changed', { itemId, kind: 'flagged_post', spaceId: post.space_id, change: 'added' });
      return present(flagId);
    },

    async flagMember(actor: Actor, memberId: number, body: FlagBody): Promise<MyFlagView> {
      const member = requireMember(actor);
      const message = messageOf(body);
      if (memberId === member.memberId) throw new AppError('own_post', 'You cannot flag yourself');
      if (!(await findFlaggableMember(db, memberId))) throw notFound('Member not found');
      const weight = await weightOf(member);
      const at = new Date();
      const { flagId, itemId } = await once(
        () =>
          ctx.database.tx(async (trx) => {
            if (!(await findFlaggableMember(trx, memberId, true))) throw notFound('Member not found');
            const id = await insertFlag(trx, { postId: null, targetMemberId: memberId, flaggerId: member.memberId, reason: body.reason, message, weight, at });
            const open = await openFlags(trx, { memberId });
            const itemId = await upsertReviewItem(trx, { kind: 'flagged_member', postId: null, memberId, spaceId: null, reason: flagsReason(open.reasons), score: weight });
            await attachToItem(trx, id, itemId);
            await recordActivity(trx, { memberId: member.memberId, kind: 'flag.created', occurredAt: at, props: { flagId: id, targetMemberId: memberId, reason: body.reason, weight } });
            return { flagId: id, itemId };
          }),
        'You already have an open flag on this member',
      );
      await ctx.bus.emit('review.changed', { itemId, kind: 'flagged_member', spaceId: null, change: 'added' });
      return present(flagId);
    },

    /** Staff: every flag on a post (deleted or withheld ones too), with flaggers and weights. */
    async listForPost(actor: Actor, postId: number): Promise<PostFlagsView> {
      requireRole(actor, 'moderator', 'Only staff can see who flagged a post');
      const post = await findFlaggablePost(db, postId);
      if (!post) throw notFound('Post not found');
      const rows = await listPostFlags(db, postId);
      const openWeight = rows.filter((r) => r.status === 'open').reduce((sum, r) => sum + Number(r.weight), 0);
      const { flagHideThreshold } = await deps.settings.get();
      return { postId, openWeight: Math.round(openWeight * 1000) / 1000, threshold: flagHideThreshold, moderationState: post.moderation_state, items: rows.map(presentStaffFlag) };
    },

    /** The member's own flags and how they were settled, newest first. */
    async mine(actor: Actor, query: MyFlagQuery): Promise<MyFlagPage> {
      const member = requireMember(actor);
      const limit = query.limit ?? 20;
      const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
      const rows = await listMemberFlags(db, member.memberId, { limit, beforeId: beforeId as number | undefined });
      const page = pageOf(rows, limit, (r) => [r.id]);
      return { items: page.items.map(presentMyFlag), nextCursor: page.nextCursor };
    },
  };
}

export type FlagsService = ReturnType<typeof createFlagsService>;
