// The compiled rule set, built once and rebuilt after a rule or the spam threshold changes (in every
// process: the change travels as an event).
import type { AppContext } from '../../../context';
import type { SettingsService } from '../../settings';
import { compileRules, type CompiledRuleSet } from './automod.rules';
import type { AutomodRuleInput } from './automod.schema';
import { listRules, type RuleRow } from './automod.store';

export interface RuleCache {
  current(): Promise<CompiledRuleSet>;
  invalidate(): void;
}

export function ruleInputOf(row: RuleRow): AutomodRuleInput {
  const definition = (row.definition ?? {}) as Omit<AutomodRuleInput, 'name' | 'enabled'>;
  return { ...definition, name: row.name, enabled: row.enabled };
}

export function createRuleCache(ctx: AppContext, settings: SettingsService): RuleCache {
  let cached: Promise<CompiledRuleSet> | undefined;
  const build = async (): Promise<CompiledRuleSet> => {
    const [rows, site] = await Promise.all([listRules(ctx.database.db), settings.get()]);
    return compileRules(rows.map((row) => ({ id: row.id, rule: ruleInputOf(row) })), { builtInSpamHold: site.spamHoldEnabled, spamThreshold: site.spamHoldThreshold });
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
