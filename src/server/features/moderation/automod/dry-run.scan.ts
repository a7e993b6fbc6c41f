// Streams the posts of a period in id order, batch by batch, and derives automod's facts for each:
// links, mentions, the author's posts of the previous 24 hours within the period (rate and
// duplicates), and classifier scores (stored at write time, or computed when a rule needs them).
// The author's trust level is today's (levels are not kept per day).
import type { Queryable } from '../../../platform/db/database';
import type { Scorer } from '../scoring';
import { linkHosts, mentionCount, textHash, type PostFacts } from './post-facts.rules';
import { dryRunBatch } from './automod.store';

const BATCH = 5000;
const DAY_MS = 86_400_000;

interface AuthorWindow {
  count: number;
  recent: { hash: string; at: number }[];
}

export async function postFactsScanner(
  db: Queryable,
  options: { since: Date; scorer: Scorer | null },
  visit: (postId: number, facts: PostFacts) => void,
): Promise<void> {
  const authors = new Map<number, AuthorWindow>();
  let afterId = 0;
  for (;;) {
    const rows = await dryRunBatch(db, options.since, afterId, BATCH);
    for (const row of rows) {
      const at = row.created_at.getTime();
      const text = row.post_number === 1 ? `${row.title}\n\n${row.body}` : row.body;
      const window = authors.get(row.author_id) ?? { count: 0, recent: [] };
      authors.set(row.author_id, window);
      while (window.recent.length > 0 && (window.recent[0]?.at ?? at) < at - DAY_MS) window.recent.shift();
      const hash = textHash(text);
      let scores: PostFacts['scores'];
      if (row.spam !== null) {
        scores = { spam: { spam: row.spam, ham: 1 - row.spam }, abuse: { hate: row.hate ?? 0, offensive: row.offensive ?? 0, neither: 1 - (row.hate ?? 0) - (row.offensive ?? 0) } };
      } else if (options.scorer) {
        const scored = options.scorer.score(text);
        scores = { spam: scored.spam, abuse: scored.abuse };
      } else {
        scores = {};
      }
      visit(row.id, {
        text,
        links: linkHosts(row.body),
        mentions: mentionCount(row.body),
        spaceId: row.space_id,
        author: { trustLevel: row.trust_level, accountAgeHours: (at - row.joined_at.getTime()) / 3_600_000, postCount: window.count },
        recentPostTimes: window.recent.map((p) => p.at),
        recentTextHashes: window.recent,
        at,
        scores,
        hash,
      });
      window.count++;
      window.recent.push({ hash, at });
    }
    if (rows.length < BATCH) return;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}

/** Titles, authors and excerpts of the sampled matches, in the order given. */
export async function sampleDetails(db: Queryable, matches: readonly { postId: number; decision: string; evidence: string[] }[]) {
  if (matches.length === 0) return [];
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .leftJoin('accounts as a', 'a.member_id', 'p.author_id')
    .select(['p.id', 'p.topic_id', 'p.body', 'p.created_at', 't.title', 'a.username'])
    .where('p.id', 'in', matches.map((m) => m.postId))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return matches.flatMap((m) => {
    const row = byId.get(m.postId);
    if (!row) return [];
    return [{ postId: m.postId, topicId: row.topic_id, title: row.title, author: row.username, excerpt: row.body.slice(0, 280), createdAt: row.created_at.toISOString(), decision: m.decision, evidence: m.evidence }];
  });
}
