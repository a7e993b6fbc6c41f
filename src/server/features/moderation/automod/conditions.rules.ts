// Each condition type compiled once into a cheap test and an explanation that is built only on a match.
import type { AutomodCondition } from './automod.schema';
import { EMPTY_TEXT_HASH, textHash, type PostFacts } from './post-facts.rules';
import { checkPatternCached, regexSubject, type PatternCheck } from './regex-guard';

/** Per-evaluation scratch shared by the conditions of every rule, so text work is done once. */
export interface Scratch {
  hash: string | undefined;
  subject: string | undefined;
}

export interface CompiledCondition {
  /** Lower runs first: a rule stops at its first failing condition. */
  cost: number;
  test(facts: PostFacts, scratch: Scratch): boolean;
  explain(facts: PostFacts, scratch: Scratch): string;
}

export type ConditionResult = { ok: true; condition: CompiledCondition } | Extract<PatternCheck, { ok: false }>;

const HOUR = 3_600_000;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}\\p{M}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}\\p{M}_])';

function subjectOf(facts: PostFacts, scratch: Scratch): string {
  return (scratch.subject ??= regexSubject(facts.text));
}

function hashOf(facts: PostFacts, scratch: Scratch): string {
  return (scratch.hash ??= facts.hash ?? textHash(facts.text));
}

// Only syntax characters may be escaped under the u flag.
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const wordKey = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');
const quote = (text: string): string => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
const round = (value: number): string => String(Math.round(value * 100) / 100);

/** Any of the words or phrases, whole words only (Unicode letters), case-insensitive. */
function words(list: string[]): CompiledCondition {
  const byKey = new Map(list.map((word) => [wordKey(word.trim()), word.trim()]));
  const alternatives = [...byKey.values()]
    .sort((a, b) => b.length - a.length)
    .map((word) => {
      const body = word.split(/\s+/).map(escapeRegex).join('\\s+');
      const before = WORD_CHAR.test(word.charAt(0)) ? NOT_AFTER_WORD : '';
      const after = WORD_CHAR.test(word.charAt(word.length - 1)) ? NOT_BEFORE_WORD : '';
      return `${before}${body}${after}`;
    });
  const re = new RegExp(alternatives.join('|'), 'iu');
  return {
    cost: 3,
    test: (facts) => re.test(facts.text),
    explain: (facts) => {
      const found = re.exec(facts.text)?.[0] ?? '';
      return `contains ${quote(byKey.get(wordKey(found)) ?? found)}`;
    },
  };
}

function regex(pattern: string, flags = ''): ConditionResult {
  const check = checkPatternCached(pattern, flags);
  if (!check.ok) return check;
  const re = new RegExp(pattern, flags);
  const condition: CompiledCondition = {
    cost: 4,
    test: (facts, scratch) => re.test(subjectOf(facts, scratch)),
    explain: (facts, scratch) => `matches /${pattern.length > 40 ? `${pattern.slice(0, 39)}…` : pattern}/: ${quote(re.exec(subjectOf(facts, scratch))?.[0] ?? '')}`,
  };
  return { ok: true, condition };
}

const normalizeDomain = (domain: string): string => domain.toLowerCase().replace(/^\*?\.+|\.+$/g, '');

function links(min = 1, domains?: string[]): CompiledCondition {
  if (!domains) {
    return { cost: 1, test: (facts) => facts.links.length >= min, explain: (facts) => `${facts.links.length} link${facts.links.length === 1 ? '' : 's'}` };
  }
  const listed = new Set(domains.map(normalizeDomain));
  // A domain matches itself and its subdomains: try the host, then each parent domain.
  const isListed = (host: string): boolean => {
    for (let suffix = host; ; ) {
      if (listed.has(suffix)) return true;
      const dot = suffix.indexOf('.');
      if (dot === -1) return false;
      suffix = suffix.slice(dot + 1);
    }
  };
  const count = (hosts: string[]): number => {
    let n = 0;
    for (const host of hosts) if (isListed(host)) n++;
    return n;
  };
  return {
    cost: 2,
    test: (facts) => facts.links.length >= min && count(facts.links) >= min,
    explain: (facts) => {
      const hosts = [...new Set(facts.links.filter(isListed))].slice(0, 3).join(', ');
      const n = count(facts.links);
      return n === 1 ? `link to ${hosts}` : `${n} links to ${hosts}`;
    },
  };
}

function rate(posts: number, seconds: number): CompiledCondition {
  const count = (facts: PostFacts): number => {
    const since = facts.at - seconds * 1000;
    let n = 1;
    for (const time of facts.recentPostTimes) if (time >= since && time <= facts.at) n++;
    return n;
  };
  return { cost: 2, test: (facts) => count(facts) >= posts, explain: (facts) => `${count(facts)} posts in ${seconds} s` };
}

function duplicate(withinHours: number): CompiledCondition {
  const earlier = (facts: PostFacts, scratch: Scratch): number | null => {
    if (facts.recentTextHashes.length === 0) return null;
    const hash = hashOf(facts, scratch);
    if (hash === EMPTY_TEXT_HASH) return null;
    const since = facts.at - withinHours * HOUR;
    for (const post of facts.recentTextHashes) if (post.hash === hash && post.at >= since && post.at <= facts.at) return post.at;
    return null;
  };
  return {
    cost: 3,
    test: (facts, scratch) => earlier(facts, scratch) !== null,
    explain: (facts, scratch) => `same text posted ${ago(facts.at - (earlier(facts, scratch) ?? facts.at))} ago`,
  };
}

function ago(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / 60_000)} min`;
  return `${round(ms / HOUR)} h`;
}

function classifier(model: 'spam' | 'abuse', label: string, minScore: number): CompiledCondition {
  const name = model === label ? model : `${model} ${label}`;
  const score = (facts: PostFacts): number => facts.scores[model]?.[label] ?? -1;
  return { cost: 1, test: (facts) => score(facts) >= minScore, explain: (facts) => `${name} score ${round(score(facts))} ≥ ${minScore}` };
}

/** Compiles one condition; a regex that is invalid or unsafe is refused with the guard's code. */
export function compileCondition(condition: AutomodCondition): ConditionResult {
  const ok = (compiled: CompiledCondition): ConditionResult => ({ ok: true, condition: compiled });
  switch (condition.type) {
    case 'words':
      return ok(words(condition.words));
    case 'regex':
      return regex(condition.pattern, condition.flags);
    case 'links':
      return ok(links(condition.min, condition.domains));
    case 'mentions':
      return ok({ cost: 0, test: (f) => f.mentions >= condition.min, explain: (f) => `${f.mentions} mentions` });
    case 'trustLevel':
      return ok({ cost: 0, test: (f) => f.author.trustLevel <= condition.max, explain: (f) => `trust level ${f.author.trustLevel} ≤ ${condition.max}` });
    case 'accountAge':
      return ok({ cost: 0, test: (f) => f.author.accountAgeHours < condition.maxHours, explain: (f) => `account ${round(f.author.accountAgeHours)} h old` });
    case 'postCount':
      return ok({ cost: 0, test: (f) => f.author.postCount <= condition.max, explain: (f) => `${f.author.postCount} earlier posts` });
    case 'space': {
      const spaces = new Set(condition.spaceIds);
      return ok({ cost: 0, test: (f) => spaces.has(f.spaceId), explain: (f) => `in space ${f.spaceId}` });
    }
    case 'rate':
      return ok(rate(condition.posts, condition.seconds));
    case 'duplicate':
      return ok(duplicate(condition.withinHours));
    case 'classifier':
      return ok(classifier(condition.model, condition.label, condition.minScore));
  }
}
