// The moderation part of npm run bench:
// - the post gate's work on one new post, in-process: the facts automod reads (links, mentions, the
//   author's recent posts), both classifiers and 50 enabled rules of mixed kinds; next to rendering the
//   same post's Markdown, which every post already pays, measured in the same run;
// - a dry-run of one rule over the 100k posts of the bench community, next to reading the same rows
//   without evaluating them.
import { renderMarkdown } from '../src/server/features/discussions';
import { compileRules, evaluate, linkHosts, mentionCount, textHash, type AutomodRuleInput, type PostFacts } from '../src/server/features/moderation/automod';
import { factNeeds, postFactsScanner } from '../src/server/features/moderation/automod/dry-run.scan';
import { dryRunBatch } from '../src/server/features/moderation/automod/automod.store';
import { loadBaseClassifier } from '../src/server/features/moderation/classifiers';
import type { Database } from '../src/server/platform/db/database';

const POSTS = [
  'Thanks for the quick answer! I tried the new config and the cache timeout now works, but the worker still logs a retry every minute. Any idea why?',
  'Check out my channel and subscribe!!! http://bit.ly/free-money-now make $500 a day from home',
  'After the upgrade to 2.3 the migration fails with `relation "sessions" does not exist`. Steps: install, run db:migrate, start. Expected: it starts. Actual: the error above. @ada_admin can you take a look?',
  'I wrote a small plugin for this, see https://github.com/example/plugin and the docs at https://docs.example.com/plugins — feedback welcome.',
];

/** 50 enabled rules of every kind, as a busy community might have them. */
function fiftyRules(): { id: number; rule: AutomodRuleInput }[] {
  const kinds: AutomodRuleInput['conditions'][] = [
    [{ type: 'words', words: ['viagra', 'casino', 'crypto giveaway', 'free money', 'work from home'] }],
    [{ type: 'regex', pattern: '\\b(?:buy|cheap)\\s+(?:followers|likes)\\b', flags: 'i' }],
    [{ type: 'links', min: 3 }, { type: 'trustLevel', max: 1 }],
    [{ type: 'links', domains: ['bit.ly', 'tinyurl.com', 'spam.example'] }],
    [{ type: 'mentions', min: 5 }],
    [{ type: 'accountAge', maxHours: 24 }, { type: 'links', min: 1 }],
    [{ type: 'postCount', max: 2 }, { type: 'words', words: ['discount', 'promo code'] }],
    [{ type: 'rate', posts: 5, seconds: 60 }],
    [{ type: 'duplicate', withinHours: 12 }],
    [{ type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.8 }],
  ];
  return Array.from({ length: 50 }, (_, i) => ({
    id: i + 1,
    rule: { name: `rule ${i + 1}`, enabled: true, conditions: kinds[i % kinds.length] ?? [], actions: [i % 3 === 0 ? { type: 'hold' } : { type: 'flag' }] },
  }));
}

function microseconds(run: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 2000); i++) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

export function measureGateCost(): string[] {
  const spam = loadBaseClassifier('spam');
  const abuse = loadBaseClassifier('abuse');
  const set = compileRules(fiftyRules(), { builtInSpamHold: true, spamThreshold: 0.9 });
  const now = Date.now();
  const recent = POSTS.map((body, i) => ({ hash: textHash(body), at: now - (i + 1) * 600_000 }));
  let n = 0;
  const gate = (): void => {
    const text = POSTS[n++ % POSTS.length] ?? '';
    const spamScores = spam.classify(text).scores;
    const abuseScores = abuse.classify(text).scores;
    const facts: PostFacts = {
      text, links: linkHosts(text), mentions: mentionCount(text), spaceId: 1,
      author: { trustLevel: 0, accountAgeHours: 30, postCount: 4 },
      recentPostTimes: recent.map((r) => r.at), recentTextHashes: recent, at: now, scores: { spam: spamScores, abuse: abuseScores },
    };
    evaluate(set, facts);
  };
  const render = (): void => {
    renderMarkdown(POSTS[n++ % POSTS.length] ?? '');
  };
  const iterations = 20_000;
  const markdown = microseconds(render, iterations);
  const classifiers = microseconds(() => {
    const text = POSTS[n++ % POSTS.length] ?? '';
    spam.classify(text);
    abuse.classify(text);
  }, iterations);
  const total = microseconds(gate, iterations);
  return [
    `Post gate, in-process, per post (${set.rules.length} enabled rules incl. the built-in spam hold, both classifiers, facts; ${iterations.toLocaleString('en')} posts):`,
    `  rendering the same post's Markdown (baseline, paid by every post)   ${markdown.toFixed(1)} µs`,
    `  both classifiers                                                   ${classifiers.toFixed(1)} µs`,
    `  facts + both classifiers + 50 rules                                 ${total.toFixed(1)} µs (${(total / markdown).toFixed(2)}× the Markdown render; goal < 200 µs)`,
  ];
}

/** Runs on the seeded community's database (opened by the bench before the server starts). */
export async function measureDryRun(name: string, database: Database): Promise<string[]> {
  const since = new Date(0);
  const rule: AutomodRuleInput = { name: 'dry', enabled: true, conditions: [{ type: 'words', words: ['lantern'] }], actions: [{ type: 'hold' }] };
  const set = compileRules([{ id: 1, rule }], { builtInSpamHold: false, spamThreshold: 0.9 });
  let started = performance.now();
  let scanned = 0;
  let matched = 0;
  await postFactsScanner(database.db, { since, scorer: null, needs: factNeeds([rule]) }, (_id, facts) => {
    scanned++;
    if (evaluate(set, facts).matches.length > 0) matched++;
  });
  const dry = performance.now() - started;
  // The baseline runs second, on pages the dry-run has warmed, so it is not charged for a cold cache.
  started = performance.now();
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = await dryRunBatch(database.db, since, after, 5000);
    rows += batch.length;
    if (batch.length < 5000) break;
    after = batch[batch.length - 1]?.id ?? after;
  }
  const scan = performance.now() - started;
  return [
    `${name}: dry-run of a words rule over ${scanned.toLocaleString('en')} posts: ${Math.round(dry)} ms, ${matched.toLocaleString('en')} matched (goal < 3000 ms); reading the same ${rows.toLocaleString('en')} rows alone: ${Math.round(scan)} ms`,
  ];
}
