// The compiled rule set, built once and rebuilt after a rule or the spam threshold changes (in every
// process: the change travels as an event).
import type { AppContext } from '../../../context';
import type { SettingsService } from '../../settings';
import { compileRules, type CompiledRuleSet } from './automod.rules';
import { factNeeds, type FactNeeds } from './post-facts.rules';
import type { AutomodRuleInput } from './automod.schema';
import { listRules, type RuleRow } from './automod.store';

/** The enabled rules compiled, and the facts they read (the built-in spam hold reads only scores and trust level). */
export interface CurrentRules {
  set: CompiledRuleSet;
  needs: FactNeeds;
}

export interface RuleCache {
  current(): Promise<CurrentRules>;
  invalidate(): void;
}

export function ruleInputOf(row: RuleRow): AutomodRuleInput {
  const definition = (row.definition ?? {}) as Omit<AutomodRuleInput, 'name' | 'enabled'>;
  return { ...definition, name: row.name, enabled: row.enabled };
}

export function createRuleCache(ctx: AppContext, settings: SettingsService): RuleCache {
  let cached: Promise<CurrentRules> | undefined;
  const build = async (): Promise<CurrentRules> => {
    const [rows, site] = await Promise.all([listRules(ctx.database.db), settings.get()]);
    const rules = rows.map((row) => ({ id: row.id, rule: ruleInputOf(row) }));
    const set = compileRules(rules, { builtInSpamHold: site.spamHoldEnabled, spamThreshold: site.spamHoldThreshold });
    return { set, needs: factNeeds(rules.filter((r) => r.rule.enabled).map((r) => r.rule)) };
  };
  const invalidate = (): void => {
    cached = undefined;
  };
  ctx.bus.on('moderation.rulesChanged', invalidate);
  ctx.bus.on('settings.updated', invalidate);
  return {
    current() {
      cached ??= build().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    invalidate,
  };
}
