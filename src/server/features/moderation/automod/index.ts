// Automod: rules as data (schema), compiled once and evaluated on each new post; pure, no I/O.
export { AutomodAction, AutomodCondition, AutomodRuleInput } from './automod.schema';
export {
  BUILT_IN_SPAM_RULE_ID,
  builtInSpamRule,
  compileRules,
  defaultSpamHold,
  evaluate,
  type AutomodMatch,
  type AutomodVerdict,
  type CompileOptions,
  type CompiledRuleSet,
  type SkippedRule,
} from './automod.rules';
export { dryRun, startDryRun, type DryRun, type DryRunOptions, type DryRunReport, type DryRunSample } from './dry-run.rules';
export { factNeeds, linkHosts, mentionCount, normalizeText, textHash, type FactNeeds, type PostFacts } from './post-facts.rules';
export { checkPattern, REGEX_TEXT_LIMIT, type PatternCheck } from './regex-guard';
