// SQL for posts, their revisions and reactions.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export async function insertPost(
  db: Queryable,
  post: { topicId: number; authorId: number; postNumber: number; replyToPostId: number | null; body: string; html: string; at: Date; held?: boolean },
): Promise<number> {
  const row = await db
    .insertInto('posts')
    .values({
      topic_id: post.topicId,
      author_id: post.authorId,
      post_number: post.postNumber,
      reply_to_post_id: post.replyToPostId,
      body: post.body,
      html: post.html,
      created_at: post.at,
      updated_at: post.at,
      // A held post is written soft-deleted, so that no read path shows it before a moderator approves it.
      ...(post.held ? { deleted_at: post.at, moderation_state: 'held' as const } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function postsWithAuthors(db: Queryable) {
  return db
    .selectFrom('posts')
    .innerJoin('members', 'members.id', 'posts.author_id')
    .leftJoin('accounts', 'accounts.member_id', 'posts.author_id')
    .select([
      'posts.id', 'posts.topic_id', 'posts.author_id', 'posts.post_number', 'posts.reply_to_post_id', 'posts.body', 'posts.html', 'posts.revision',
      'posts.edited_at', 'posts.deleted_at', 'posts.moderation_state', 'posts.created_at', 'accounts.username', 'members.display_name',
    ]);
}

export async function findPost(db: Queryable, id: number) {
  return postsWithAuthors(db).where('posts.id', '=', id).executeTakeFirst();
}

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** A page of a topic's posts after a post number, in order (one more than `limit` to tell whether a page follows); posts held for review are left out unless `withHeld` (staff). */
export async function listPosts(db: Queryable, topicId: number, after: number, limit: number, withHeld = true): Promise<PostRow[]> {
  let query = postsWithAuthors(db).where('posts.topic_id', '=', topicId);
  if (!withHeld) query = query.where((eb) => eb.or([eb('posts.moderation_state', 'is', null), eb('posts.moderation_state', '<>', 'held')]));
  return query
    .where('posts.post_number', '>', after)
    .orderBy('posts.post_number')
    .limit(limit + 1)
    .execute();
}

/** The author's own replies in a topic that wait for review, oldest first. */
export async function heldPostsOf(db: Queryable, topicId: number, authorId: number) {
  return db
    .selectFrom('posts')
    .select(['id', 'post_number', 'html', 'created_at'])
    .where('topic_id', '=', topicId)
    .where('author_id', '=', authorId)
    .where('moderation_state', '=', 'held')
    .orderBy('post_number')
    .limit(50)
    .execute();
}

export async function postInTopic(db: Queryable, postId: number, topicId: number): Promise<boolean> {
  const row = await db.selectFrom('posts').select('id').where('id', '=', postId).where('topic_id', '=', topicId).executeTakeFirst();
  return row !== undefined;
}

/** Applies an edit only if the post is still at `revision`; false when someone else edited first. */
export async function updatePostBody(db: Queryable, id: number, revision: number, change: { body: string; html: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('posts')
    .set((eb) => ({ body: change.body, html: change.html, revision: eb('revision', '+', 1), edited_at: change.at, updated_at: change.at }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertRevision(db: Queryable, revision: { postId: number; revision: number; body: string; editorId: number }): Promise<void> {
  await db.insertInto('post_revisions').values({ post_id: revision.postId, revision: revision.revision, body: revision.body, editor_id: revision.editorId }).execute();
}

export async function softDeletePost(db: Queryable, id: number, by: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('posts')
    .set({ deleted_at: at, deleted_by: by, updated_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** False when the member had already added this reaction. */
export async function insertReaction(db: Queryable, postId: number, memberId: number, emoji: string): Promise<boolean> {
  const rows = await db
    .insertInto('post_reactions')
    .values({ post_id: postId, member_id: memberId, emoji })
    .onConflict((oc) => oc.doNothing())
    .returning('post_id')
    .execute();
  return rows.length > 0;
}

export async function deleteReaction(db: Queryable, postId: number, memberId: number, emoji: string): Promise<boolean> {
  const result = await db.deleteFrom('post_reactions').where('post_id', '=', postId).where('member_id', '=', memberId).where('emoji', '=', emoji).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface ReactionCount {
  post_id: number;
  emoji: string;
  count: number;
  reacted: boolean;
}

export async function reactionCounts(db: Queryable, postIds: readonly number[], viewerId: number | null): Promise<ReactionCount[]> {
  if (postIds.length === 0) return [];
  const rows = await db
    .selectFrom('post_reactions')
    .select(['post_id', 'emoji'])
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .select(sql<boolean>`coalesce(bool_or(member_id = ${viewerId ?? 0}), false)`.as('reacted'))
    .where('post_id', 'in', postIds)
    .groupBy(['post_id', 'emoji'])
    .orderBy('post_id')
    .orderBy(sql`min(created_at)`)
    .execute();
  return rows.map((r) => ({ post_id: r.post_id, emoji: r.emoji, count: Number(r.count), reacted: r.reacted }));
}

/** Earlier bodies of a post, oldest first, with who replaced each one and when. */
export async function listRevisions(db: Queryable, postId: number) {
  return db
    .selectFrom('post_revisions')
    .leftJoin('members', 'members.id', 'post_revisions.editor_id')
    .leftJoin('accounts', 'accounts.member_id', 'post_revisions.editor_id')
    .select(['post_revisions.revision', 'post_revisions.body', 'post_revisions.editor_id', 'post_revisions.created_at', 'accounts.username', 'members.display_name'])
    .where('post_revisions.post_id', '=', postId)
    .orderBy('post_revisions.revision')
    .execute();
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

export async function restorePost(db: Queryable, id: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('posts')
    .set({ deleted_at: null, deleted_by: null, updated_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
