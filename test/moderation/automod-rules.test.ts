// Automod rule engine: pure functions, table-tested (no server, no database).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import {
  AutomodRuleInput,
  checkPattern,
  compileRules,
  defaultSpamHold,
  dryRun,
  evaluate,
  linkHosts,
  mentionCount,
  REGEX_TEXT_LIMIT,
  startDryRun,
  textHash,
  type AutomodAction,
  type AutomodCondition,
  type PostFacts,
} from '../../src/server/features/moderation/automod';

const NOW = Date.UTC(2026, 0, 15, 12);
const SECOND = 1000;
const HOUR = 3_600_000;
const NO_BUILT_IN = { builtInSpamHold: false, spamThreshold: 0.9 };

function facts(overrides: Partial<PostFacts> = {}): PostFacts {
  return {
    text: 'Hello there, how do I configure the reverse proxy?',
    links: [],
    mentions: 0,
    spaceId: 1,
    author: { trustLevel: 2, accountAgeHours: 1000, postCount: 50 },
    recentPostTimes: [],
    recentTextHashes: [],
    at: NOW,
    scores: {},
    ...overrides,
  };
}

function rule(conditions: AutomodCondition[], actions: AutomodAction[] = [{ type: 'hold' }], extra: Partial<AutomodRuleInput> = {}): AutomodRuleInput {
  return { name: 'Test rule', enabled: true, conditions, actions, ...extra };
}

/** Does a single rule made of these conditions match? Returns its evidence, or null. */
function evidenceOf(conditions: AutomodCondition[], post: PostFacts): string[] | null {
  const verdict = evaluate(compileRules([{ id: 1, rule: rule(conditions) }], NO_BUILT_IN), post);
  return verdict.matches[0]?.evidence ?? null;
}

describe('schema', () => {
  test('accepts a full rule', () => {
    const input = rule(
      [
        { type: 'words', words: ['free money'] },
        { type: 'regex', pattern: '\\bwin\\b', flags: 'iu' },
        { type: 'links', min: 2, domains: ['spam.example'] },
        { type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.7 },
      ],
      [{ type: 'hold' }, { type: 'tag', tag: 'spam-2' }, { type: 'silence', hours: 24 }, { type: 'notifyModerators' }],
      { message: 'Held for review', guideline: 'no-spam' },
    );
    assert.equal(Value.Check(AutomodRuleInput, input), true);
  });

  const invalid: [string, unknown][] = [
    ['no conditions', rule([])],
    ['11 conditions', rule(Array.from({ length: 11 }, () => ({ type: 'mentions' as const, min: 1 })))],
    ['201 words', rule([{ type: 'words', words: Array.from({ length: 201 }, (_, i) => `w${i}`) }])],
    ['a blank word', rule([{ type: 'words', words: ['  '] }])],
    ['a 501-char pattern', rule([{ type: 'regex', pattern: 'a'.repeat(501) }])],
    ['flag g', rule([{ type: 'regex', pattern: 'a', flags: 'g' }])],
    ['flag i twice', rule([{ type: 'regex', pattern: 'a', flags: 'ii' }])],
    ['rate over a day', rule([{ type: 'rate', posts: 3, seconds: 86_401 }])],
    ['trust level 5', rule([{ type: 'trustLevel', max: 5 }])],
    ['score above 1', rule([{ type: 'classifier', model: 'spam', label: 'spam', minScore: 1.5 }])],
    ['unknown model', { ...rule([]), conditions: [{ type: 'classifier', model: 'nsfw', label: 'x', minScore: 0.5 }] }],
    ['unknown condition', { ...rule([]), conditions: [{ type: 'karma', min: 3 }] }],
    ['extra property', { ...rule([{ type: 'mentions', min: 3 }]), position: 2 }],
    ['bad tag', rule([{ type: 'mentions', min: 3 }], [{ type: 'tag', tag: 'Bad Tag' }])],
    ['silence 721 h', rule([{ type: 'mentions', min: 3 }], [{ type: 'silence', hours: 721 }])],
    ['no actions', rule([{ type: 'mentions', min: 3 }], [])],
    ['a 101-char name', rule([{ type: 'mentions', min: 3 }], [{ type: 'hold' }], { name: 'n'.repeat(101) })],
    ['a 501-char message', rule([{ type: 'mentions', min: 3 }], [{ type: 'hold' }], { message: 'm'.repeat(501) })],
  ];
  for (const [name, input] of invalid) {
    test(`rejects ${name}`, () => assert.equal(Value.Check(AutomodRuleInput, input), false));
  }
});

describe('conditions', () => {
  const cases: [string, AutomodCondition, PostFacts, string | null][] = [
    ['words: a word, any case', { type: 'words', words: ['viagra'] }, facts({ text: 'Buy VIAGRA now' }), 'contains "viagra"'],
    ['words: not inside a longer word', { type: 'words', words: ['cialis'] }, facts({ text: 'socialism is a topic' }), null],
    ['words: a phrase across whitespace', { type: 'words', words: ['free money'] }, facts({ text: 'get FREE\n  money' }), 'contains "free money"'],
    ['words: Unicode boundaries', { type: 'words', words: ['café'] }, facts({ text: 'Un CAFÉ noir' }), 'contains "café"'],
    ['words: Unicode boundaries, negative', { type: 'words', words: ['café'] }, facts({ text: 'Les cafés sont' }), null],
    ['words: an accented letter is part of the word', { type: 'words', words: ['ber'] }, facts({ text: 'über' }), null],
    ['words: regex characters are literal', { type: 'words', words: ['c++', 'a.b'] }, facts({ text: 'I like C++ a lot' }), 'contains "c++"'],
    ['words: . is not a wildcard', { type: 'words', words: ['a.b'] }, facts({ text: 'axb' }), null],
    ['regex: matches', { type: 'regex', pattern: '\\bfree\\s+money\\b', flags: 'i' }, facts({ text: 'Get Free   Money today' }), 'matches /\\bfree\\s+money\\b/: "Free   Money"'],
    ['regex: no match', { type: 'regex', pattern: '\\bfree\\s+money\\b', flags: 'i' }, facts({ text: 'freedom money' }), null],
    ['regex: case-sensitive without i', { type: 'regex', pattern: 'FREE' }, facts({ text: 'free' }), null],
    ['links: at least min', { type: 'links', min: 3 }, facts({ links: ['a.com', 'b.com', 'a.com'] }), '3 links'],
    ['links: fewer than min', { type: 'links', min: 3 }, facts({ links: ['a.com', 'b.com'] }), null],
    ['links: any link by default', { type: 'links' }, facts({ links: ['a.com'] }), '1 link'],
    ['links: a listed domain', { type: 'links', domains: ['spam.example'] }, facts({ links: ['ok.org', 'spam.example'] }), 'link to spam.example'],
    ['links: a subdomain', { type: 'links', domains: ['Spam.Example'] }, facts({ links: ['www.cdn.spam.example'] }), 'link to www.cdn.spam.example'],
    ['links: a look-alike is not a subdomain', { type: 'links', domains: ['spam.example'] }, facts({ links: ['notspam.example', 'spam.example.org'] }), null],
    ['links: min counts listed links only', { type: 'links', min: 2, domains: ['spam.example'] }, facts({ links: ['spam.example', 'ok.org'] }), null],
    ['links: min listed links', { type: 'links', min: 2, domains: ['spam.example'] }, facts({ links: ['spam.example', 'a.spam.example'] }), '2 links to spam.example, a.spam.example'],
    ['mentions: at least min', { type: 'mentions', min: 5 }, facts({ mentions: 6 }), '6 mentions'],
    ['mentions: fewer', { type: 'mentions', min: 5 }, facts({ mentions: 4 }), null],
    ['trustLevel: at most', { type: 'trustLevel', max: 1 }, facts({ author: { trustLevel: 1, accountAgeHours: 1, postCount: 0 } }), 'trust level 1 ≤ 1'],
    ['trustLevel: above', { type: 'trustLevel', max: 1 }, facts({ author: { trustLevel: 2, accountAgeHours: 1, postCount: 0 } }), null],
    ['accountAge: younger', { type: 'accountAge', maxHours: 24 }, facts({ author: { trustLevel: 2, accountAgeHours: 3, postCount: 9 } }), 'account 3 h old'],
    ['accountAge: exactly as old is not younger', { type: 'accountAge', maxHours: 24 }, facts({ author: { trustLevel: 2, accountAgeHours: 24, postCount: 9 } }), null],
    ['postCount: at most', { type: 'postCount', max: 2 }, facts({ author: { trustLevel: 2, accountAgeHours: 3, postCount: 2 } }), '2 earlier posts'],
    ['postCount: more', { type: 'postCount', max: 2 }, facts({ author: { trustLevel: 2, accountAgeHours: 3, postCount: 3 } }), null],
    ['space: listed', { type: 'space', spaceIds: [4, 7] }, facts({ spaceId: 7 }), 'in space 7'],
    ['space: not listed', { type: 'space', spaceIds: [4, 7] }, facts({ spaceId: 5 }), null],
    ['classifier: spam', { type: 'classifier', model: 'spam', label: 'spam', minScore: 0.9 }, facts({ scores: { spam: { spam: 0.97 } } }), 'spam score 0.97 ≥ 0.9'],
    ['classifier: abuse label', { type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.7 }, facts({ scores: { abuse: { hate: 0.7 } } }), 'abuse hate score 0.7 ≥ 0.7'],
    ['classifier: below', { type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.7 }, facts({ scores: { abuse: { hate: 0.69 } } }), null],
    ['classifier: another label', { type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.7 }, facts({ scores: { abuse: { insult: 0.99 } } }), null],
    ['classifier: no score', { type: 'classifier', model: 'spam', label: 'spam', minScore: 0 }, facts(), null],
  ];
  for (const [name, condition, post, evidence] of cases) {
    test(name, () => assert.deepEqual(evidenceOf([condition], post), evidence === null ? null : [evidence]));
  }

  test('rate: the Nth post within the window, counting this one', () => {
    const rate: AutomodCondition = { type: 'rate', posts: 3, seconds: 60 };
    assert.deepEqual(evidenceOf([rate], facts({ recentPostTimes: [NOW - 10 * SECOND, NOW - 60 * SECOND] })), ['3 posts in 60 s']);
    assert.equal(evidenceOf([rate], facts({ recentPostTimes: [NOW - 10 * SECOND, NOW - 61 * SECOND, NOW - HOUR] })), null);
    assert.equal(evidenceOf([rate], facts({ recentPostTimes: [NOW - 10 * SECOND] })), null);
  });

  test('duplicate: the same normalized text within the window', () => {
    const duplicate: AutomodCondition = { type: 'duplicate', withinHours: 1 };
    const earlier = (text: string, at: number) => [{ hash: textHash(text), at }];
    const post = facts({ text: 'Buy cheap watches, NOW!' });
    assert.deepEqual(evidenceOf([duplicate], { ...post, recentTextHashes: earlier('buy cheap   watches now', NOW - 30 * 60_000) }), ['same text posted 30 min ago']);
    assert.equal(evidenceOf([duplicate], { ...post, recentTextHashes: earlier('buy cheap watches now', NOW - 2 * HOUR) }), null);
    assert.equal(evidenceOf([duplicate], { ...post, recentTextHashes: earlier('buy cheap clocks now', NOW - 60_000) }), null);
    assert.deepEqual(evidenceOf([duplicate], { ...post, hash: 'given', recentTextHashes: [{ hash: 'given', at: NOW - 5 * SECOND }] }), ['same text posted 5 s ago']);
    const noWords = facts({ text: '!!!', recentTextHashes: earlier('???', NOW - 60_000) });
    assert.equal(evidenceOf([duplicate], noWords), null, 'a post without words is never a duplicate');
  });

  test('regexes only see the first REGEX_TEXT_LIMIT characters; word lists see everything', () => {
    const padded = facts({ text: `${'x '.repeat(REGEX_TEXT_LIMIT / 2)}needle` });
    assert.equal(evidenceOf([{ type: 'regex', pattern: 'needle' }], padded), null);
    assert.notEqual(evidenceOf([{ type: 'regex', pattern: 'needle' }], facts({ text: `needle ${'x '.repeat(REGEX_TEXT_LIMIT)}` })), null);
    assert.deepEqual(evidenceOf([{ type: 'words', words: ['needle'] }], padded), ['contains "needle"']);
  });
});

describe('facts from Markdown', () => {
  test('linkHosts: Markdown links, autolinks and bare URLs, lower-case, one per link', () => {
    const markdown = [
      'See [the docs](https://Docs.Example.com/a?b=c) and <http://auto.example.org/x>.',
      'Bare: https://user:pw@Sub.Spam.Example:8080/path, and https://spam.example.',
      'Again https://docs.example.com/b',
      'Not links: [relative](/t/42), www.bare.example, ftp://files.example, mail@me.example',
    ].join('\n');
    assert.deepEqual(linkHosts(markdown), ['docs.example.com', 'auto.example.org', 'sub.spam.example', 'spam.example', 'docs.example.com']);
  });

  test('linkHosts: not in code, Unicode hosts as punycode', () => {
    assert.deepEqual(linkHosts('`https://inline.example` and\n```\nhttps://fenced.example\n```\nhttps://bücher.example'), ['xn--bcher-kva.example']);
    assert.deepEqual(linkHosts('no links here'), []);
  });

  test('mentionCount: distinct @usernames, not in code, e-mails or URLs', () => {
    assert.equal(mentionCount('@alice and @bob, thanks @Alice!'), 2);
    assert.equal(mentionCount('mail alice@example.com or see https://x.example/@carol'), 0);
    assert.equal(mentionCount('`@inline` and\n~~~\n@fenced\n~~~\n@dave'), 1);
    assert.equal(mentionCount('ping @a (too short) and @bob.'), 1);
  });

  test('textHash: ignores case, spacing and punctuation; stable and short', () => {
    assert.equal(textHash('Hello,   World!'), textHash('hello world'));
    assert.notEqual(textHash('hello world'), textHash('hello worlds'));
    assert.match(textHash('anything'), /^[0-9a-f]{16}$/);
    assert.equal(textHash('Ｆｒｅｅ ｍｏｎｅｙ'), textHash('free money'), 'full-width letters fold (NFKC)');
  });
});

describe('rule sets', () => {
  const tl1: AutomodCondition = { type: 'trustLevel', max: 1 };
  const pills: AutomodCondition = { type: 'words', words: ['pills'] };

  test('a rule matches only when all its conditions do; evidence follows the written order', () => {
    const set = compileRules([{ id: 1, rule: rule([pills, tl1]) }], NO_BUILT_IN);
    const newcomer = { trustLevel: 0, accountAgeHours: 1, postCount: 0 };
    const regular = { trustLevel: 3, accountAgeHours: 1, postCount: 0 };
    assert.deepEqual(evaluate(set, facts({ text: 'cheap pills', author: newcomer })).matches[0]?.evidence, ['contains "pills"', 'trust level 0 ≤ 1']);
    assert.equal(evaluate(set, facts({ text: 'cheap pills', author: regular })).decision, 'allow');
    assert.equal(evaluate(set, facts({ text: 'cheap tea', author: newcomer })).decision, 'allow');
  });

  test('reject beats hold; every matching rule counts and its actions add up', () => {
    const set = compileRules(
      [
        { id: 1, rule: rule([pills], [{ type: 'hold' }, { type: 'tag', tag: 'spam' }, { type: 'silence', hours: 2 }], { name: 'Hold pills', message: 'Held' }) },
        { id: 2, rule: rule([{ type: 'words', words: ['tea'] }], [{ type: 'reject' }]) },
        { id: 3, rule: rule([pills], [{ type: 'reject' }, { type: 'flag' }, { type: 'silence', hours: 12 }], { name: 'Reject pills', message: 'No', guideline: 'no-spam' }) },
        { id: 4, rule: rule([pills], [{ type: 'tag', tag: 'spam' }, { type: 'tag', tag: 'pharma' }, { type: 'notifyModerators' }]) },
      ],
      NO_BUILT_IN,
    );
    const verdict = evaluate(set, facts({ text: 'pills pills' }));
    assert.equal(verdict.decision, 'reject');
    assert.deepEqual(verdict.matches.map((m) => m.ruleId), [1, 3, 4]);
    assert.deepEqual(verdict.reason, { ruleId: 3, name: 'Reject pills', message: 'No', guideline: 'no-spam' });
    assert.deepEqual(verdict.tags, ['spam', 'pharma']);
    assert.equal(verdict.flag, true);
    assert.equal(verdict.silenceHours, 12);
    assert.equal(verdict.notifyModerators, true);
  });

  test('a hold-only match gives the first holding rule as the reason; no match is a plain allow', () => {
    const set = compileRules(
      [
        { id: 5, rule: rule([pills], [{ type: 'flag' }]) },
        { id: 6, rule: rule([pills], [{ type: 'hold' }], { name: 'First hold' }) },
        { id: 7, rule: rule([pills], [{ type: 'hold' }], { name: 'Second hold' }) },
      ],
      NO_BUILT_IN,
    );
    const held = evaluate(set, facts({ text: 'pills' }));
    assert.equal(held.decision, 'hold');
    assert.deepEqual(held.reason, { ruleId: 6, name: 'First hold' });
    const allowed = evaluate(set, facts());
    assert.deepEqual(allowed, { decision: 'allow', matches: [], tags: [], flag: false, silenceHours: null, notifyModerators: false, reason: null });
    const flaggedOnly = evaluate(compileRules([{ id: 5, rule: rule([pills], [{ type: 'flag' }]) }], NO_BUILT_IN), facts({ text: 'pills' }));
    assert.equal(flaggedOnly.decision, 'allow');
    assert.equal(flaggedOnly.flag, true);
    assert.equal(flaggedOnly.reason, null);
  });

  test('disabled rules are skipped; order is preserved', () => {
    const set = compileRules(
      [
        { id: 1, rule: rule([pills], [{ type: 'reject' }], { enabled: false }) },
        { id: 9, rule: rule([pills], [{ type: 'flag' }]) },
        { id: 2, rule: rule([pills], [{ type: 'hold' }]) },
      ],
      NO_BUILT_IN,
    );
    const verdict = evaluate(set, facts({ text: 'pills' }));
    assert.equal(verdict.decision, 'hold');
    assert.deepEqual(verdict.matches.map((m) => m.ruleId), [9, 2]);
  });

  test('an unsafe or invalid regex makes its rule never match, reported in skipped; a bad stored rule too', () => {
    const set = compileRules(
      [
        { id: 1, rule: rule([{ type: 'regex', pattern: '(a+)+$' }], [{ type: 'reject' }], { name: 'Unsafe' }) },
        { id: 2, rule: rule([{ type: 'regex', pattern: '(' }], [{ type: 'reject' }], { name: 'Invalid' }) },
        { id: 3, rule: { ...rule([pills]), conditions: [{ type: 'nope' }] } as unknown as AutomodRuleInput },
        { id: 4, rule: rule([{ type: 'regex', pattern: 'a+' }], [{ type: 'hold' }], { name: 'Fine' }) },
      ],
      NO_BUILT_IN,
    );
    assert.deepEqual(set.skipped.map((s) => [s.ruleId, s.code]), [[1, 'unsafe_regex'], [2, 'invalid_regex'], [3, 'invalid_rule']]);
    const verdict = evaluate(set, facts({ text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }));
    assert.deepEqual(verdict.matches.map((m) => m.ruleId), [4]);
    assert.equal(verdict.decision, 'hold');
  });
});

describe('regex guard', () => {
  const unsafe = ['(a+)+$', '(a|aa)*b', '([a-z]+)*$', '(a|a)*$', '(.*a){12}', '(\\w+\\s?)+$', '(x+x+)+y', 'a*a*a*b'];
  for (const pattern of unsafe) {
    test(`unsafe: ${pattern}`, () => {
      const result = checkPattern(pattern);
      assert.equal(result.ok ? 'ok' : result.code, 'unsafe_regex');
    });
  }
  const invalid: [string, string][] = [['(', ''], ['[a-', ''], ['a', 'g'], ['a', 'ii']];
  for (const [pattern, flags] of invalid) {
    test(`invalid: /${pattern}/${flags}`, () => {
      const result = checkPattern(pattern, flags);
      assert.equal(result.ok ? 'ok' : result.code, 'invalid_regex');
      assert.ok(!result.ok && result.message.length > 0);
    });
  }
  const safe: [string, string][] = [
    ['\\bfree\\s+money\\b', 'i'],
    ['(?<=\\$)\\d+', ''],
    ['^(https?://)?[a-z0-9.-]+\\.(ru|cn)\\b', 'im'],
    ['v[i1!]+a?gr+a', 'i'],
    ['\\p{Lu}{5,}', 'u'],
    ['(?<word>\\w+) \\k<word>', ''],
  ];
  for (const [pattern, flags] of safe) {
    test(`safe: /${pattern}/${flags}`, () => assert.deepEqual(checkPattern(pattern, flags), { ok: true }));
  }
});

describe('built-in spam hold', () => {
  const spammy = (trustLevel: number, spam: number) => facts({ author: { trustLevel, accountAgeHours: 1, postCount: 0 }, scores: { spam: { spam } } });

  test('holds likely spam from trust level 0 only, out of the box', () => {
    const set = compileRules([]);
    const held = evaluate(set, spammy(0, 0.95));
    assert.equal(held.decision, 'hold');
    assert.deepEqual(held.reason?.ruleId, 0);
    assert.equal(held.reason?.name, 'Built-in: likely spam from a new member');
    assert.deepEqual(held.matches[0]?.evidence, ['trust level 0 ≤ 0', 'spam score 0.95 ≥ 0.9']);
    assert.equal(evaluate(set, spammy(1, 0.99)).decision, 'allow');
    assert.equal(evaluate(set, spammy(0, 0.5)).decision, 'allow');
    assert.equal(evaluate(set, facts({ author: { trustLevel: 0, accountAgeHours: 1, postCount: 0 } })).decision, 'allow');
  });

  test('agrees with defaultSpamHold, honours the threshold and can be turned off', () => {
    for (const [trustLevel, score] of [[0, 0.95], [0, 0.85], [1, 0.95], [0, 0.9]] as const) {
      const post = spammy(trustLevel, score);
      assert.equal(evaluate(compileRules([]), post).decision === 'hold', defaultSpamHold(post));
    }
    assert.equal(defaultSpamHold(spammy(0, 0.85), 0.8), true);
    assert.equal(evaluate(compileRules([], { builtInSpamHold: true, spamThreshold: 0.99 }), spammy(0, 0.95)).decision, 'allow');
    assert.equal(evaluate(compileRules([], NO_BUILT_IN), spammy(0, 0.99)).decision, 'allow');
  });

  test('comes after the configured rules', () => {
    const set = compileRules([{ id: 8, rule: rule([{ type: 'trustLevel', max: 0 }], [{ type: 'hold' }], { name: 'New members' }) }]);
    const verdict = evaluate(set, spammy(0, 0.99));
    assert.deepEqual(verdict.matches.map((m) => m.ruleId), [8, 0]);
    assert.equal(verdict.reason?.ruleId, 8);
  });
});

describe('dry run', () => {
  const set = compileRules([{ id: 1, rule: rule([{ type: 'words', words: ['casino'] }]) }], NO_BUILT_IN);
  const posts = (count: number, every: number) =>
    Array.from({ length: count }, (_, i) => ({ postId: i + 1, facts: facts({ text: i % every === 0 ? 'best casino bonus' : 'a normal post' }) }));

  test('reports the share and warns above warnShare', () => {
    const report = dryRun(set, posts(100, 8), { warnShare: 0.05 });
    assert.equal(report.scanned, 100);
    assert.equal(report.matched, 13);
    assert.equal(report.share, 0.13);
    assert.equal(report.warning, 'this rule would hold 13% of recent posts');
    assert.deepEqual(report.samples.slice(0, 2), [
      { postId: 1, decision: 'hold', evidence: ['contains "casino"'] },
      { postId: 9, decision: 'hold', evidence: ['contains "casino"'] },
    ]);
    assert.equal(dryRun(set, posts(100, 8), { warnShare: 0.2 }).warning, undefined);
    assert.deepEqual(dryRun(set, [], { warnShare: 0.05 }), { scanned: 0, matched: 0, share: 0, samples: [] });
  });

  test('keeps the first 50 samples; batches give the same report', () => {
    const all = posts(300, 2);
    const run = startDryRun(set, { warnShare: 0.05 });
    for (let i = 0; i < all.length; i += 64) for (const post of all.slice(i, i + 64)) run.add(post.postId, post.facts);
    const report = run.report();
    assert.deepEqual(report, dryRun(set, all, { warnShare: 0.05 }));
    assert.equal(report.samples.length, 50);
    assert.equal(report.samples[49]?.postId, 99);
    assert.equal(report.warning, 'this rule would hold 50% of recent posts');
  });
});

describe('performance (printed, not asserted)', () => {
  const templates: ((i: number) => AutomodCondition[])[] = [
    (i) => [{ type: 'words', words: Array.from({ length: 40 }, (_, j) => `spamword${i}x${j}`).concat('buy now', 'cheap pills') }],
    (i) => [{ type: 'regex', pattern: `\\b(?:free|cheap)\\s+(?:money|pills${i})\\b`, flags: 'i' }],
    () => [{ type: 'trustLevel', max: 1 }, { type: 'words', words: ['casino', 'crypto', 'bonus'] }],
    () => [{ type: 'links', domains: ['spam.example', 'bit.ly', 'tinyurl.com'] }],
    () => [{ type: 'links', min: 5 }, { type: 'accountAge', maxHours: 48 }],
    () => [{ type: 'mentions', min: 8 }],
    () => [{ type: 'classifier', model: 'abuse', label: 'hate', minScore: 0.7 }],
    () => [{ type: 'rate', posts: 5, seconds: 60 }],
    () => [{ type: 'duplicate', withinHours: 1 }, { type: 'postCount', max: 20 }],
    (i) => [{ type: 'space', spaceIds: [3, 4] }, { type: 'regex', pattern: `price\\s*:\\s*\\$\\d+${i}` }],
  ];
  const rules = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, rule: rule((templates[i % templates.length] ?? (() => []))(i), [{ type: 'flag' }]) }));
  const set = compileRules(rules);
  const text = 'I tried the steps from the guide, but the reverse proxy keeps returning 502 for the websocket route. '.repeat(6) +
    'Config is at https://gist.example.com/abc and @alice suggested checking the timeouts.';
  const post = facts({
    text,
    links: linkHosts(text),
    mentions: mentionCount(text),
    recentPostTimes: [NOW - 20 * 60_000, NOW - 3 * HOUR],
    recentTextHashes: [{ hash: 'aaaaaaaaaaaaaaaa', at: NOW - 20 * 60_000 }],
    scores: { spam: { spam: 0.02 }, abuse: { hate: 0.01 } },
  });

  test('50 mixed rules on one typical post', () => {
    assert.equal(set.rules.length, 51);
    assert.equal(evaluate(set, post).decision, 'allow');
    for (let i = 0; i < 10_000; i++) evaluate(set, post);
    const runs = 50_000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) evaluate(set, post);
    const perPost = (performance.now() - start) / runs;
    console.log(`automod: ${set.rules.length} rules, ${text.length}-char post: ${(perPost * 1000).toFixed(1)} µs per evaluation`);
  });

  test('dry run over 100k posts', () => {
    const many = function* () {
      for (let i = 0; i < 100_000; i++) yield { postId: i, facts: i % 50 === 0 ? { ...post, text: `${text} buy now` } : post };
    };
    const start = performance.now();
    const report = dryRun(set, many(), { warnShare: 0.05 });
    console.log(`automod: dry run of ${report.scanned} posts in ${Math.round(performance.now() - start)} ms (${report.matched} matched)`);
    assert.equal(report.matched, 2000);
  });
});
