// Subscribers: domain events (after commit) become notifications. Only events of this process are
// handled, so that several processes on one database do not notify twice.
import type { AppContext } from '../../context';
import { mentionedMemberIds } from './mentions.service';
import { effectiveLevel, reactionReaches, recipientsOfPost } from './notifications.rules';
import type { DiscussionsAccess } from './notifications.service';
import {
  advanceTopicRead, findPostFacts, insertNotifications, levelsAround, quotedAuthors, setTopicLevel, upsertReactionNotification, type NewNotification,
} from './notifications.store';
import { quotedPosts } from './quotes.rules';

export function subscribeNotifications(ctx: AppContext, discussions: DiscussionsAccess): void {
  const db = ctx.database.db;
  const { bus } = ctx;

  /** The members among ids who can see the space (their rights may have changed since they wrote or followed). */
  const seeing = (ids: readonly number[], spaceId: number): Promise<Set<number>> => discussions.spaces.membersWhoSee([spaceId], ids);

  async function announce(rows: readonly { id: number; member_id: number }[]): Promise<void> {
    for (const row of rows) await bus.emit('notification.created', { memberId: row.member_id, notificationId: row.id });
  }

  /**
   * Authors of the quoted posts, from any space the quoting member may see: a quote of a post they cannot
   * see (a guessed link into a private space) tells nobody. Whether the quoted author may see the quoting
   * post is checked with every other recipient.
   */
  async function quotedAuthorsSeenBy(quoterId: number, quotes: ReturnType<typeof quotedPosts>): Promise<number[]> {
    const quoted = await quotedAuthors(db, quotes);
    const visible = new Set<number>();
    for (const spaceId of new Set(quoted.map((q) => q.spaceId))) if ((await seeing([quoterId], spaceId)).has(quoterId)) visible.add(spaceId);
    return [...new Set(quoted.filter((q) => visible.has(q.spaceId)).map((q) => q.authorId))];
  }

  async function onNewPost(postId: number, isFirst: boolean): Promise<void> {
    const post = await findPostFacts(db, postId);
    if (!post || post.deleted_at !== null || post.topic_deleted_at !== null) return;
    // Authors have read what they wrote.
    await advanceTopicRead(db, post.author_id, post.topic_id, post.post_number);
    const [mentionedIds, levels, quotedIds] = await Promise.all([
      mentionedMemberIds(db, post.body), levelsAround(db, post.topic_id, post.space_id), quotedAuthorsSeenBy(post.author_id, quotedPosts(post.body)),
    ]);
    const repliedToId = isFirst ? null : (post.replied_author_id ?? post.topic_author_id);
    const recipients = recipientsOfPost({ authorId: post.author_id, mentionedIds, repliedToId, quotedIds, levels });
    const allowed = await seeing([...recipients.keys()], post.space_id);
    const at = new Date();
    const rows: NewNotification[] = [...recipients]
      .filter(([memberId]) => allowed.has(memberId))
      .map(([memberId, type]) => ({ memberId, type, actorId: post.author_id, topicId: post.topic_id, postId, at }));
    await announce(await insertNotifications(db, rows));
  }

  bus.on('topic.created', async (e, meta) => {
    if (meta.remote) return;
    // Authors track their topics, so replies to them reach them.
    await setTopicLevel(db, e.authorId, e.topicId, 'tracking', true);
    await onNewPost(e.postId, true);
  });

  bus.on('post.created', async (e, meta) => {
    if (meta.remote) return;
    await onNewPost(e.postId, false);
  });

  bus.on('reaction.added', async (e, meta) => {
    if (meta.remote) return;
    const post = await findPostFacts(db, e.postId);
    if (!post || post.deleted_at !== null || post.topic_deleted_at !== null) return;
    const levels = await levelsAround(db, post.topic_id, post.space_id);
    if (!reactionReaches(post.author_id, e.memberId, effectiveLevel(levels.get(post.author_id), undefined))) return;
    if (!(await seeing([post.author_id], post.space_id)).has(post.author_id)) return;
    const id = await upsertReactionNotification(db, { memberId: post.author_id, type: 'reaction', actorId: e.memberId, topicId: post.topic_id, postId: e.postId, emoji: e.emoji, at: new Date() });
    await announce([{ id, member_id: post.author_id }]);
  });
}
