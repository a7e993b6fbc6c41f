// Topics: started in a space with a first post, listed pinned-first, moderated by staff.
import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../../../context';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, requireRole, type Actor, type Principal } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import { requireKnownMentions, topicViewerStates, type TopicViewerState } from '../../notifications';
import { bookmarkedAmong } from '../bookmarks/bookmarks.store';
import { limits, normalizeTags, slugify, type SpaceAccess } from '../discussions.rules';
import { renderMarkdown } from '../markdown';
import { openGate, type HeldPost, type PostGate } from '../post-gate';
import { readPost, readPostPage } from '../posts/posts.read';
import type { PostView } from '../posts/posts.schema';
import { insertPost, reactionCounts } from '../posts/posts.store';
import { cacheTags, viewerClass, type ReadCache, type Serialize } from '../read-cache';
import type { SpacesService } from '../spaces/spaces.service';
import { countInSpace, findSpace, refreshLastPosted } from '../spaces/spaces.store';
import { presentTopic } from './topics.presenter';
import type { CreateTopicBody, PatchTopicBody, TopicDetail, TopicListQuery, TopicPage, TopicView } from './topics.schema';
import { findTopic, insertTopic, listTopics, moveTopic, nextPostNumber, updateTopic, type TopicRow } from './topics.store';

export interface VisibleTopic {
  topic: TopicRow;
  access: SpaceAccess;
}

/** Text that is only white space does not count towards a minimum length. */
export function requireText(field: string, value: string, min: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw invalid(field, `${field} needs at least ${min} characters besides spaces`);
  return field === 'body' ? value : trimmed;
}

/** What every viewer of one permission class sees of a topic page. */
interface SharedTopicPage {
  topic: TopicView;
  canReply: boolean;
  posts: PostView[];
  nextAfter: number | null;
}

/** What one member sees differently: read position and level, own reactions, own deleted posts. */
interface TopicPageOverlay {
  state: TopicViewerState | undefined;
  reacted: Map<number, Set<string>>;
  bookmarked: Set<number>;
  own: Map<number, PostView>;
}

function applyOverlay(post: PostView, overlay: TopicPageOverlay): PostView {
  const own = overlay.own.get(post.id);
  if (own) return own;
  const mine = overlay.reacted.get(post.id);
  const bookmarked = overlay.bookmarked.has(post.id);
  if (!mine && !bookmarked) return post;
  return { ...post, bookmarked, reactions: mine ? post.reactions.map((r) => ({ ...r, reacted: mine.has(r.emoji) })) : post.reactions };
}

export function createTopicsService(ctx: AppContext, spaces: SpacesService, cache: ReadCache, gate: PostGate = openGate) {
  const db = ctx.database.db;

  /** The topic and the viewer's rights in its space; 404 when deleted (staff excepted) or in a space the viewer cannot see. */
  async function visibleTopic(actor: Actor, id: number): Promise<VisibleTopic> {
    return seeTopic(actor, await findTopic(db, id));
  }

  async function seeTopic(actor: Actor, topic: TopicRow | undefined): Promise<VisibleTopic> {
    if (!topic || (topic.deleted_at !== null && !hasRole(actor, 'moderator'))) throw notFound('Topic not found');
    const { access } = await spaces.visible(actor, topic.space_id);
    return { topic, access };
  }

  function mayReply(actor: Actor, { topic, access }: VisibleTopic): boolean {
    if (!access.canReply || topic.deleted_at !== null) return false;
    return hasRole(actor, 'moderator') || (!topic.locked && !topic.closed);
  }

  /** Read position, unread posts and notification level of each topic, for a signed-in viewer. */
  async function viewerStates(actor: Actor, ids: readonly number[]): Promise<Map<number, TopicViewerState>> {
    return actor ? topicViewerStates(db, actor.memberId, ids) : new Map();
  }

  async function detail(actor: Actor, id: number, after: number): Promise<TopicDetail> {
    const isStaff = hasRole(actor, 'moderator');
    const viewerKey = viewerClass(await spaces.viewerOf(actor));
    const shared = await cache.get<SharedTopicPage>(`topic:${id}:${after}:${viewerKey}`, [cacheTags.topic(id), cacheTags.spaces], async () => {
      const row = await findTopic(db, id);
      // A merged topic is deleted, yet whoever may see its space gets the pointer (mergedIntoId) and no posts.
      if (row?.merged_into_id != null) {
        await spaces.visible(actor, row.space_id);
        return { topic: presentTopic(row), canReply: false, posts: [], nextAfter: null };
      }
      const visible = await seeTopic(actor, row);
      const page = await readPostPage(db, id, after, { memberId: null, isStaff });
      return { topic: presentTopic(visible.topic), canReply: mayReply(actor, visible), posts: page.posts, nextAfter: page.nextAfter };
    });
    const base = { ...shared.topic, canReply: shared.canReply, nextAfter: shared.nextAfter };
    if (!actor) return { ...base, posts: shared.posts };
    // Not cached on its own: the member's whole answer is (renderedDetail), under the same tags.
    const overlay = await viewerOverlay(actor, id, shared.posts);
    return { ...base, ...overlay.state, posts: shared.posts.map((p) => applyOverlay(p, overlay)) };
  }

  /** Two or three reads for what this member sees differently. */
  async function viewerOverlay(actor: Principal, id: number, posts: readonly PostView[]): Promise<TopicPageOverlay> {
    const { memberId } = actor;
    const ids = posts.map((p) => p.id);
    const [states, reactions, bookmarked] = await Promise.all([viewerStates(actor, [id]), reactionCounts(db, ids, memberId), bookmarkedAmong(db, memberId, ids)]);
    const reacted = new Map<number, Set<string>>();
    for (const r of reactions) if (r.reacted) reacted.set(r.post_id, (reacted.get(r.post_id) ?? new Set()).add(r.emoji));
    const own = new Map<number, PostView>();
    const isStaff = hasRole(actor, 'moderator');
    for (const post of posts) {
      if (!isStaff && post.deleted && post.author.id === memberId) {
        const full = await readPost(db, post.id, { memberId, isStaff });
        if (full) own.set(post.id, { ...full, bookmarked: bookmarked.has(post.id) });
      }
    }
    return { state: states.get(id), reacted, bookmarked, own };
  }

  async function reread(id: number): Promise<TopicRow> {
    const row = await findTopic(db, id);
    if (!row) throw notFound('Topic not found');
    return row;
  }

  const guestClass = async (): Promise<string> => viewerClass(await spaces.viewerOf(null));

  const service = {
    visibleTopic,
    detail,

    renderedDetail(actor: Actor, id: number, after: number, serialize: Serialize<TopicDetail>): Promise<Buffer> {
      return cache.rendered(actor, guestClass, `topic:${id}:${after}`, [cacheTags.topic(id), cacheTags.spaces], () => detail(actor, id, after), serialize);
    },

    renderedList(actor: Actor, spaceId: number, query: Static<typeof TopicListQuery>, serialize: Serialize<TopicPage>): Promise<Buffer> {
      const key = `topics:${spaceId}:${query.limit ?? 20}:${query.cursor ?? ''}`;
      return cache.rendered(actor, guestClass, key, [cacheTags.space(spaceId), cacheTags.spaces], () => service.list(actor, spaceId, query), serialize);
    },

    async list(actor: Actor, spaceId: number, query: Static<typeof TopicListQuery>): Promise<TopicPage> {
      const limit = query.limit ?? 20;
      const listKey = `${spaceId}:${limit}:${query.cursor ?? ''}`;
      const viewerKey = viewerClass(await spaces.viewerOf(actor));
      const tags = [cacheTags.space(spaceId), cacheTags.spaces];
      const shared = await cache.get<TopicPage>(`topics:${listKey}:${viewerKey}`, tags, async () => {
        await spaces.visible(actor, spaceId);
        const key = decodeCursor(query.cursor, ['number', 'string', 'number']);
        let after: { pinned: boolean; lastPostedAt: Date; id: number } | undefined;
        if (key) {
          const lastPostedAt = new Date(String(key[1]));
          if (Number.isNaN(lastPostedAt.getTime())) throw invalid('cursor', 'cursor is not valid');
          after = { pinned: key[0] === 1, lastPostedAt, id: Number(key[2]) };
        }
        const rows = await listTopics(db, spaceId, { limit, after, includeUnlisted: hasRole(actor, 'moderator') });
        const page = pageOf(rows, limit, (r) => [r.pinned ? 1 : 0, r.last_posted_at.toISOString(), r.id]);
        return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
      });
      if (!actor) return shared;
      const ids = shared.items.map((t) => t.id);
      const states = await viewerStates(actor, ids);
      return { items: shared.items.map((t) => ({ ...t, ...states.get(t.id) })), nextCursor: shared.nextCursor };
    },

    /** A new topic, or (202) a held one that waits for a moderator. */
    async create(actor: Actor, body: CreateTopicBody): Promise<TopicDetail | HeldPost> {
      const member = requireMember(actor);
      const title = requireText('title', body.title, limits.titleMin);
      const markdown = requireText('body', body.body, limits.bodyMin);
      const { access } = await spaces.visible(actor, body.spaceId);
      if (!access.canPost) throw forbidden('You cannot start topics in this space');
      await requireKnownMentions(db, markdown);
      const at = new Date();
      const html = renderMarkdown(markdown);
      const verdict = await gate.check({ kind: 'topic', authorId: member.memberId, spaceId: body.spaceId, topicId: null, title, markdown, html, replyToPostId: null, at });
      const held = verdict.held !== null;
      const tags = normalizeTags([...(body.tags ?? []), ...verdict.tags]);
      const ids = await ctx.database.tx(async (trx) => {
        const topicId = await insertTopic(trx, { spaceId: body.spaceId, authorId: member.memberId, title, slug: slugify(title), tags, at, held });
        const postNumber = await nextPostNumber(trx, topicId, { isReply: false, posterId: member.memberId, at });
        const postId = await insertPost(trx, { topicId, authorId: member.memberId, postNumber, replyToPostId: null, body: markdown, html, at, held });
        if (!held) await countInSpace(trx, body.spaceId, { topics: 1, posts: 1, at });
        await recordActivity(trx, { memberId: member.memberId, kind: held ? 'topic.held' : 'topic.created', occurredAt: at, spaceId: body.spaceId, topicId, postId });
        await verdict.record(trx, { postId, topicId });
        return { topicId, postId };
      });
      if (!held) await ctx.bus.emit('topic.created', { topicId: ids.topicId, spaceId: body.spaceId, postId: ids.postId, authorId: member.memberId });
      await verdict.afterCommit(ids);
      if (verdict.held) return { id: ids.postId, topicId: ids.topicId, status: 'held', reason: verdict.held };
      return detail(actor, ids.topicId, 0);
    },

    async update(actor: Actor, id: number, patch: PatchTopicBody, ip: string): Promise<TopicView> {
      const member = requireMember(actor);
      const { topic } = await visibleTopic(actor, id);
      const isStaff = hasRole(actor, 'moderator');
      const { title: newTitle, ...flags } = patch;
      if (Object.keys(flags).length > 0 && !isStaff) throw forbidden('Only staff can pin, lock, close or unlist topics');
      let title: string | undefined;
      if (newTitle !== undefined) {
        if (!isStaff && topic.author_id !== member.memberId) throw forbidden('Only its author or staff can retitle a topic');
        if (!isStaff && topic.locked) throw new AppError('topic_locked', 'This topic is locked');
        title = requireText('title', newTitle, limits.titleMin);
      }
      const changes = { ...flags, ...(title !== undefined ? { title, slug: slugify(title) } : {}) };
      await ctx.database.tx(async (trx) => {
        await updateTopic(trx, id, changes);
        if (isStaff) {
          const before = Object.fromEntries(Object.keys(changes).map((k) => [k, topic[k as keyof typeof changes]]));
          await insertAudit(trx, { actorId: member.memberId, action: 'topic.update', targetType: 'topic', targetId: id, before, after: changes, ip });
        }
      });
      await ctx.bus.emit('topic.updated', { topicId: id, spaceId: topic.space_id });
      return presentTopic(await reread(id));
    },

    /** Staff move a topic to another space; the counters of both follow (a deleted topic counts in neither). */
    async move(actor: Actor, id: number, spaceId: number, ip: string): Promise<TopicView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can move topics');
      const { topic } = await visibleTopic(actor, id);
      if (spaceId === topic.space_id) throw invalid('spaceId', 'The topic is already in that space');
      if (!(await findSpace(db, spaceId))) throw invalid('spaceId', 'No such space');
      const from = topic.space_id;
      await ctx.database.tx(async (trx) => {
        const moved = await moveTopic(trx, id, from, spaceId);
        if (!moved) throw new AppError('conflict', 'The topic was moved meanwhile; reload it');
        if (moved.deleted_at === null) {
          const posts = moved.reply_count + 1;
          await countInSpace(trx, from, { topics: -1, posts: -posts, at: null });
          await countInSpace(trx, spaceId, { topics: 1, posts, at: null });
        }
        await refreshLastPosted(trx, [from, spaceId]);
        await insertAudit(trx, { actorId: staff.memberId, action: 'topic.move', targetType: 'topic', targetId: id, before: { spaceId: from }, after: { spaceId }, ip });
      });
      await ctx.bus.emit('topic.moved', { topicId: id, spaceId, fromSpaceId: from });
      return presentTopic(await reread(id));
    },
  };
  return service;
}

export type TopicsService = ReturnType<typeof createTopicsService>;
