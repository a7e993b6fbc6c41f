// The posting limits of a member's trust level, checked by the post gate before a post is written.
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { contentCounts, contentRefusal, limitsFor, needsHistory, rateRefusal, type TrustLevelLimits } from './posting-limits.rules';
import { recentPosting } from './trust.store';

const DAY_MS = 86_400_000;

export interface PostingDraft {
  authorId: number;
  trustLevel: number;
  kind: 'topic' | 'reply';
  /** The post as rendered (links and images are counted there, so code and mentions do not count). */
  html: string;
  at: Date;
}

/** Throws trust_limit (429) when the post breaks a limit of the author's level: links, images, topics or replies a day, time between posts. */
export async function checkPostingLimits(db: Queryable, draft: PostingDraft, limits: TrustLevelLimits): Promise<void> {
  const own = limitsFor(draft.trustLevel, limits);
  if (own.linksPerPost !== null || own.imagesPerPost !== null) {
    const refusal = contentRefusal(draft.trustLevel, own, contentCounts(draft.html));
    if (refusal) throw new AppError('trust_limit', refusal, { field: 'body' });
  }
  if (!needsHistory(own)) return;
  const at = draft.at.getTime();
  const since = new Date(at - Math.max(DAY_MS, (own.secondsBetweenPosts ?? 0) * 1000));
  const wait = rateRefusal(draft.trustLevel, own, draft.kind, await recentPosting(db, draft.authorId, since), at);
  if (wait) throw new AppError('trust_limit', wait.message, { field: 'body', headers: { 'retry-after': String(wait.retryAfter) } });
}
