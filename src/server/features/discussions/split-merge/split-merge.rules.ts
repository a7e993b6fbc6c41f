// Pure decisions for splitting and merging topics: which posts go where, their new numbers, and how far
// each reader has read once the posts are renumbered.

/** A post as it stands before the change. */
export interface PostFact {
  id: number;
  topicId: number;
  postNumber: number;
  authorId: number;
  createdAt: Date;
  isDeleted: boolean;
}

export type Plan<T> = { ok: true; value: T } | { ok: false; message: string };

export interface SplitPlan {
  /** The posts staying, in order: they are numbered 1, 2, 3 … again. */
  kept: PostFact[];
  /** The posts of the new topic, in order: the first becomes its first post. */
  moved: PostFact[];
}

const byNumber = (a: PostFact, b: PostFact): number => a.postNumber - b.postNumber;

/** Moves the selected replies of a topic (never its first post) into a new topic, keeping their order. */
export function planSplit(posts: readonly PostFact[], selected: ReadonlySet<number>): Plan<SplitPlan> {
  const known = new Set(posts.map((p) => p.id));
  const stranger = [...selected].find((id) => !known.has(id));
  if (stranger !== undefined) return { ok: false, message: `Post ${stranger} is not in this topic` };
  const sorted = [...posts].sort(byNumber);
  const moved = sorted.filter((p) => selected.has(p.id));
  const kept = sorted.filter((p) => !selected.has(p.id));
  const first = moved[0];
  if (!first) return { ok: false, message: 'Select at least one post' };
  if (kept[0]?.postNumber !== sorted[0]?.postNumber) return { ok: false, message: 'The first post stays: it is the topic itself' };
  if (first.isDeleted) return { ok: false, message: 'The new topic cannot start with a deleted post' };
  return { ok: true, value: { kept, moved } };
}

/**
 * All posts of both topics in the order of the merged topic: the target's first post stays first, then
 * every other post by time (the target's before the source's at the same instant, then by old number).
 */
export function planMerge(target: readonly PostFact[], source: readonly PostFact[]): Plan<PostFact[]> {
  const [first, ...replies] = [...target].sort(byNumber);
  if (!first) return { ok: false, message: 'The topic to merge into has no posts' };
  if (source.length === 0) return { ok: false, message: 'The topic has no posts to merge' };
  const targetId = first.topicId;
  const rest = [...replies, ...source].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(b.topicId === targetId) - Number(a.topicId === targetId) || a.postNumber - b.postNumber,
  );
  return { ok: true, value: [first, ...rest] };
}

/**
 * How many posts at the start of `sequence` a member had read. A post counts as read when its old number
 * is at most the member's read mark in its old topic (`marks`: topic id → last read post number), so that
 * after renumbering the unread count never hides a post the member has not seen.
 */
export function leadingRead(sequence: readonly Pick<PostFact, 'topicId' | 'postNumber'>[], marks: ReadonlyMap<number, number>): number {
  const firstUnread = sequence.findIndex((p) => p.postNumber > (marks.get(p.topicId) ?? 0));
  return firstUnread === -1 ? sequence.length : firstUnread;
}

export interface ReadMark {
  memberId: number;
  topicId: number;
  lastReadPostNumber: number;
}

/** Every member's new read mark in `topicId`, whose posts are `sequence`, from their marks before the change. */
export function remapReadMarks(sequence: readonly Pick<PostFact, 'topicId' | 'postNumber'>[], topicId: number, before: readonly ReadMark[]): ReadMark[] {
  const byMember = new Map<number, Map<number, number>>();
  for (const mark of before) {
    const marks = byMember.get(mark.memberId) ?? new Map<number, number>();
    marks.set(mark.topicId, mark.lastReadPostNumber);
    byMember.set(mark.memberId, marks);
  }
  return [...byMember].map(([memberId, marks]) => ({ memberId, topicId, lastReadPostNumber: leadingRead(sequence, marks) }));
}

/** Counts of live (not deleted) posts, for the space counters. */
export const livePosts = (posts: readonly PostFact[]): number => posts.filter((p) => !p.isDeleted).length;
