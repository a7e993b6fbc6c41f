// The automod engine: rules (data) compiled once, then evaluated against each new post's facts.
import { Value } from '@sinclair/typebox/value';
import { AutomodRuleInput, type AutomodAction } from './automod.schema';
import { compileCondition, type CompiledCondition, type Scratch } from './conditions.rules';
import type { PostFacts } from './post-facts.rules';

export interface CompiledRule {
  id: number;
  name: string;
  actions: AutomodAction[];
  message?: string;
  guideline?: string;
  /** Cheapest first, for testing. */
  byCost: CompiledCondition[];
  /** As written, for evidence. */
  inOrder: CompiledCondition[];
  decides: 'hold' | 'reject' | null;
}

export interface SkippedRule {
  ruleId: number;
  name: string;
  code: 'invalid_rule' | 'invalid_regex' | 'unsafe_regex';
  message: string;
}

export interface CompiledRuleSet {
  rules: readonly CompiledRule[];
  /** Enabled rules that can never match (an invalid or unsafe regex, a stored rule that no longer validates). */
  skipped: readonly SkippedRule[];
}

export interface CompileOptions {
  /** Hold likely spam from trust-level-0 members even when no rule says so (rule id 0). */
  builtInSpamHold: boolean;
  spamThreshold: number;
}

export interface AutomodMatch {
  ruleId: number;
  name: string;
  actions: AutomodAction[];
  message?: string;
  guideline?: string;
  /** One short explanation per condition, e.g. 'contains "viagra"', 'spam score 0.97 ≥ 0.9'. */
  evidence: string[];
}

export interface AutomodVerdict {
  decision: 'allow' | 'hold' | 'reject';
  /** Every matching rule, in rule order (each one counts a hit). */
  matches: readonly AutomodMatch[];
  tags: readonly string[];
  flag: boolean;
  silenceHours: number | null;
  notifyModerators: boolean;
  /** The first rule whose action is the decision. */
  reason: { ruleId: number; name: string; message?: string; guideline?: string } | null;
}

export const BUILT_IN_SPAM_RULE_ID = 0;

/** The built-in rule as data: a trust-level-0 member's post that the spam classifier scores ≥ threshold is held. */
export function builtInSpamRule(threshold = 0.9): { id: number; rule: AutomodRuleInput } {
  return {
    id: BUILT_IN_SPAM_RULE_ID,
    rule: {
      name: 'Built-in: likely spam from a new member',
      enabled: true,
      conditions: [
        { type: 'trustLevel', max: 0 },
        { type: 'classifier', model: 'spam', label: 'spam', minScore: Math.min(1, Math.max(0, threshold)) },
      ],
      actions: [{ type: 'hold' }],
      message: 'Your post looks like spam to our filter, so a moderator will review it before it appears.',
    },
  };
}

/** Whether the built-in rule holds this post. */
export function defaultSpamHold(facts: PostFacts, threshold = 0.9): boolean {
  return facts.author.trustLevel <= 0 && (facts.scores.spam?.spam ?? -1) >= threshold;
}

const decisionOf = (actions: AutomodAction[]): CompiledRule['decides'] =>
  actions.some((a) => a.type === 'reject') ? 'reject' : actions.some((a) => a.type === 'hold') ? 'hold' : null;

/** Compiles the enabled rules, in order; the built-in spam hold (on by default) comes last. */
export function compileRules(
  rules: readonly { id: number; rule: AutomodRuleInput }[],
  options: CompileOptions = { builtInSpamHold: true, spamThreshold: 0.9 },
): CompiledRuleSet {
  const compiled: CompiledRule[] = [];
  const skipped: SkippedRule[] = [];
  const all = options.builtInSpamHold ? [...rules, builtInSpamRule(options.spamThreshold)] : rules;
  for (const { id, rule } of all) {
    if (!rule.enabled) continue;
    const name = rule.name;
    if (!Value.Check(AutomodRuleInput, rule)) {
      skipped.push({ ruleId: id, name, code: 'invalid_rule', message: 'The stored rule does not match the rule schema' });
      continue;
    }
    const inOrder: CompiledCondition[] = [];
    for (const condition of rule.conditions) {
      const result = compileCondition(condition);
      if (!result.ok) {
        skipped.push({ ruleId: id, name, code: result.code, message: result.message });
        break;
      }
      inOrder.push(result.condition);
    }
    if (inOrder.length !== rule.conditions.length) continue;
    const byCost = [...inOrder].sort((a, b) => a.cost - b.cost);
    const { actions, message, guideline } = rule;
    compiled.push({ id, name, actions, message, guideline, byCost, inOrder, decides: decisionOf(actions) });
  }
  return { rules: compiled, skipped };
}

const ALLOW: AutomodVerdict = Object.freeze({
  decision: 'allow',
  matches: Object.freeze([]),
  tags: Object.freeze([]),
  flag: false,
  silenceHours: null,
  notifyModerators: false,
  reason: null,
});

function matchesAll(rule: CompiledRule, facts: PostFacts, scratch: Scratch): boolean {
  for (const condition of rule.byCost) if (!condition.test(facts, scratch)) return false;
  return true;
}

/**
 * Runs every rule against a post: a rule matches when all its conditions do. reject wins over hold.
 * A post no rule matches gets one shared, frozen 'allow' verdict (no allocation on the common path).
 */
export function evaluate(set: CompiledRuleSet, facts: PostFacts): AutomodVerdict {
  const scratch: Scratch = { hash: undefined, subject: undefined };
  let matched: CompiledRule[] | null = null;
  for (const rule of set.rules) if (matchesAll(rule, facts, scratch)) (matched ??= []).push(rule);
  return matched ? verdictOf(matched, facts, scratch) : ALLOW;
}

function verdictOf(rules: CompiledRule[], facts: PostFacts, scratch: Scratch): AutomodVerdict {
  const decision = rules.some((r) => r.decides === 'reject') ? 'reject' : rules.some((r) => r.decides === 'hold') ? 'hold' : 'allow';
  const deciding = rules.find((r) => r.decides === decision);
  const tags = new Set<string>();
  let flag = false;
  let notifyModerators = false;
  let silenceHours: number | null = null;
  for (const action of rules.flatMap((r) => r.actions)) {
    if (action.type === 'tag') tags.add(action.tag);
    else if (action.type === 'flag') flag = true;
    else if (action.type === 'notifyModerators') notifyModerators = true;
    else if (action.type === 'silence') silenceHours = Math.max(silenceHours ?? 0, action.hours);
  }
  const matches = rules.map(({ id, name, actions, message, guideline, inOrder }) => ({
    ruleId: id,
    name,
    actions,
    ...(message !== undefined && { message }),
    ...(guideline !== undefined && { guideline }),
    evidence: inOrder.map((condition) => condition.explain(facts, scratch)),
  }));
  const reason = deciding
    ? { ruleId: deciding.id, name: deciding.name, ...(deciding.message !== undefined && { message: deciding.message }), ...(deciding.guideline !== undefined && { guideline: deciding.guideline }) }
    : null;
  return { decision, matches, tags: [...tags], flag, silenceHours, notifyModerators, reason };
}
