// Bookmarks: a member marks posts to come back to, with an optional note and reminder time. A bookmark
// on a post the member can no longer see (deleted, or its space closed to them) is kept but not listed.
import type { AppContext } from '../../../context';
import { invalid, notFound } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { requireMember, type Actor } from '../../../platform/http/principal';
import { presentExcerpt } from '../posts/excerpts.presenter';
import { findPost } from '../posts/posts.store';
import type { SpacesService } from '../spaces/spaces.service';
import type { TopicsService } from '../topics/topics.service';
import type { BookmarkBody, BookmarkPage, BookmarkQuery, BookmarkView } from './bookmarks.schema';
import { deleteBookmark, findBookmark, insertBookmark, listBookmarks, updateBookmark, type BookmarkRow } from './bookmarks.store';

function present(row: BookmarkRow): BookmarkView {
  return { ...presentExcerpt(row), note: row.note, remindAt: row.remind_at?.toISOString() ?? null, bookmarkedAt: row.bookmarked_at.toISOString() };
}

function remindTime(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid('remindAt', 'remindAt is not a valid time');
  return at;
}

export function createBookmarksService(ctx: AppContext, spaces: SpacesService, topics: TopicsService) {
  const db = ctx.database.db;

  async function visibleSpaceIds(actor: Actor): Promise<number[]> {
    return spaces.visibleSpaceIds(await spaces.viewerOf(actor));
  }

  /** A live post in a live topic the member may see (its topic id); 404 otherwise. */
  async function visiblePost(actor: Actor, id: number): Promise<number> {
    const post = await findPost(db, id);
    if (!post || post.deleted_at !== null) throw notFound('Post not found');
    const { topic } = await topics.visibleTopic(actor, post.topic_id);
    if (topic.deleted_at !== null) throw notFound('Post not found');
    return topic.id;
  }

  return {
    /** Bookmarks the post, or changes the note and reminder of the bookmark; `created` tells which. */
    async add(actor: Actor, postId: number, body: BookmarkBody): Promise<{ created: boolean; bookmark: BookmarkView }> {
      const member = requireMember(actor);
      const remindAt = remindTime(body.remindAt);
      const topicId = await visiblePost(actor, postId);
      const note = body.note?.trim();
      const created = await insertBookmark(db, { memberId: member.memberId, postId, note: note ?? '', remindAt: remindAt ?? null, at: new Date() });
      if (!created) await updateBookmark(db, member.memberId, postId, { ...(note !== undefined ? { note } : {}), ...(remindAt !== undefined ? { remind_at: remindAt } : {}) });
      // The member's view of the topic (cached with their read marks) now shows the bookmark.
      if (created) await ctx.bus.emit('topic.viewerStateChanged', { memberId: member.memberId, topicId });
      const row = await findBookmark(db, member.memberId, postId, await visibleSpaceIds(actor));
      if (!row) throw notFound('Post not found');
      return { created, bookmark: present(row) };
    },

    /** Takes the bookmark off, whether or not the member can still see the post; 404 when there was none. */
    async remove(actor: Actor, postId: number): Promise<void> {
      const member = requireMember(actor);
      if (!(await deleteBookmark(db, member.memberId, postId))) throw notFound('You have not bookmarked that post');
      await ctx.bus.emit('topic.viewerStateChanged', { memberId: member.memberId, topicId: null });
    },

    async list(actor: Actor, query: BookmarkQuery): Promise<BookmarkPage> {
      const member = requireMember(actor);
      const limit = query.limit ?? 20;
      const key = decodeTimeCursor(query.cursor);
      const after = key && { at: key.at, postId: key.id };
      const rows = await listBookmarks(db, member.memberId, await visibleSpaceIds(actor), { limit, after });
      const page = pageOf(rows, limit, (r) => [r.bookmarked_at.toISOString(), r.id]);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  };
}

export type BookmarksService = ReturnType<typeof createBookmarksService>;
