// Streams the posts of a period in id order, batch by batch, and derives automod's facts for each.
// Only the facts the rule reads are derived: links, mentions, the author's posts of the previous 24
// hours within the period (rate and duplicates), classifier scores (stored at write time, or computed
// when missing). Topics and authors are read once per batch. The author's trust level is today's
// (levels are not kept per day).
import type { Queryable } from '../../../platform/db/database';
import type { Scorer } from '../scoring';
import { authorsByIds, dryRunBatch, scoresByPostIds, topicsByIds, type DryRunRow } from './automod.store';
import { linkHosts, mentionCount, textHash, type FactNeeds, type PostFacts } from './post-facts.rules';

const BATCH = 5000;
const DAY_MS = 86_400_000;

interface AuthorWindow {
  count: number;
  recent: { hash: string; at: number }[];
}

type Scores = PostFacts['scores'];

async function batchContext(db: Queryable, rows: readonly DryRunRow[], needs: FactNeeds) {
  const [topics, authors, scores] = await Promise.all([
    topicsByIds(db, [...new Set(rows.map((r) => r.topic_id))]),
    authorsByIds(db, [...new Set(rows.map((r) => r.author_id))]),
    needs.scores && rows.length > 0 ? scoresByPostIds(db, rows[0]?.id ?? 0, rows[rows.length - 1]?.id ?? 0) : Promise.resolve([]),
  ]);
  return {
    topics: new Map(topics.map((t) => [t.id, t])),
    authors: new Map(authors.map((a) => [a.id, a])),
    scores: new Map<number, Scores>(
      scores.map((s) => [s.post_id, { spam: { spam: s.spam, ham: 1 - s.spam }, abuse: { hate: s.hate, offensive: s.offensive, neither: Math.max(0, 1 - s.hate - s.offensive) } }]),
    ),
  };
}

export { factNeeds } from './post-facts.rules';

export async function postFactsScanner(
  db: Queryable,
  options: { since: Date; scorer: Scorer | null; needs: FactNeeds },
  visit: (postId: number, facts: PostFacts) => void,
): Promise<void> {
  const { needs } = options;
  const authors = new Map<number, AuthorWindow>();
  const none: string[] = [];
  for (let afterId = 0; ; ) {
    const rows = await dryRunBatch(db, options.since, afterId, BATCH);
    const context = await batchContext(db, rows, needs);
    for (const row of rows) {
      const at = row.created_at.getTime();
      const topic = context.topics.get(row.topic_id);
      const author = context.authors.get(row.author_id);
      const text = row.post_number === 1 && topic ? `${topic.title}\n\n${row.body}` : row.body;
      const window = authors.get(row.author_id) ?? { count: 0, recent: [] };
      authors.set(row.author_id, window);
      if (needs.history) while (window.recent.length > 0 && (window.recent[0]?.at ?? at) < at - DAY_MS) window.recent.shift();
      const hash = needs.hashes ? textHash(text) : '';
      let scores: Scores = {};
      if (needs.scores) {
        const scored = context.scores.get(row.id) ?? options.scorer?.score(text);
        scores = scored ? { spam: scored.spam, abuse: scored.abuse } : {};
      }
      visit(row.id, {
        text,
        links: needs.links ? linkHosts(row.body) : none,
        mentions: needs.mentions ? mentionCount(row.body) : 0,
        spaceId: topic?.space_id ?? 0,
        author: { trustLevel: author?.trust_level ?? 0, accountAgeHours: author ? (at - author.joined_at.getTime()) / 3_600_000 : 0, postCount: window.count },
        recentPostTimes: needs.history ? window.recent.map((p) => p.at) : [],
        recentTextHashes: needs.history ? window.recent : [],
        at,
        scores,
        ...(needs.hashes ? { hash } : {}),
      });
      window.count++;
      if (needs.history) window.recent.push({ hash, at });
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
