// Automod rules: listed and edited by staff (audited), reordered, and dry-run over recent posts.
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { SettingsService } from '../../settings';
import type { Scorer } from '../scoring';
import type { DryRunBody, DryRunView, AutomodRuleView } from './automod-api.schema';
import { compileRules, evaluate } from './automod.rules';
import type { AutomodRuleInput } from './automod.schema';
import { deleteRule, findRule, insertRule, listRules, setPositions, updateRule, type RuleRow } from './automod.store';
import { factNeeds, postFactsScanner, sampleDetails } from './dry-run.scan';
import { checkPattern } from './regex-guard';
import { ruleInputOf, type RuleCache } from './rule-cache';

/** 400 invalid_regex / unsafe_regex for a rule whose regex would be broken or catastrophic. */
function requireSafePatterns(rule: AutomodRuleInput): void {
  for (const [index, condition] of rule.conditions.entries()) {
    if (condition.type !== 'regex') continue;
    const check = checkPattern(condition.pattern, condition.flags);
    if (!check.ok) throw new AppError(check.code, check.message, { field: `conditions/${index}/pattern` });
  }
}

function present(row: RuleRow, problem: string | null): AutomodRuleView {
  const rule = ruleInputOf(row);
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    position: row.position,
    conditions: rule.conditions,
    actions: rule.actions,
    message: rule.message ?? null,
    guideline: rule.guideline ?? null,
    hits: Number(row.hits),
    lastHitAt: row.last_hit_at?.toISOString() ?? null,
    problem,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const definitionOf = (rule: AutomodRuleInput) => ({ conditions: rule.conditions, actions: rule.actions, message: rule.message, guideline: rule.guideline });

export function createAutomodService(ctx: AppContext, deps: { settings: SettingsService; rules: RuleCache; scorer: Scorer }) {
  const db = ctx.database.db;
  const changed = async (ruleId: number | null) => {
    deps.rules.invalidate();
    await ctx.bus.emit('moderation.rulesChanged', { ruleId });
  };

  async function load(id: number): Promise<RuleRow> {
    const row = await findRule(db, id);
    if (!row) throw notFound('Rule not found');
    return row;
  }

  async function view(row: RuleRow): Promise<AutomodRuleView> {
    const compiled = compileRules([{ id: row.id, rule: { ...ruleInputOf(row), enabled: true } }], { builtInSpamHold: false, spamThreshold: 1 });
    return present(row, compiled.skipped[0]?.message ?? null);
  }

  return {
    async list(actor: Actor): Promise<{ items: AutomodRuleView[] }> {
      requireRole(actor, 'moderator', 'Only staff can see automod rules');
      const rows = await listRules(db);
      return { items: await Promise.all(rows.map(view)) };
    },

    async create(actor: Actor, rule: AutomodRuleInput, ip: string): Promise<AutomodRuleView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can write automod rules');
      requireSafePatterns(rule);
      const id = await ctx.database.tx(async (trx) => {
        const created = await insertRule(trx, { name: rule.name, enabled: rule.enabled, definition: definitionOf(rule), createdBy: staff.memberId });
        await insertAudit(trx, { actorId: staff.memberId, action: 'automod.create', targetType: 'automod_rule', targetId: created, after: rule, ip });
        return created;
      });
      await changed(id);
      return view(await load(id));
    },

    async update(actor: Actor, id: number, rule: AutomodRuleInput, ip: string): Promise<AutomodRuleView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can write automod rules');
      const before = await load(id);
      requireSafePatterns(rule);
      await ctx.database.tx(async (trx) => {
        await updateRule(trx, id, { name: rule.name, enabled: rule.enabled, definition: definitionOf(rule) });
        await insertAudit(trx, { actorId: staff.memberId, action: 'automod.update', targetType: 'automod_rule', targetId: id, before: ruleInputOf(before), after: rule, ip });
      });
      await changed(id);
      return view(await load(id));
    },

    async remove(actor: Actor, id: number, ip: string): Promise<void> {
      const staff = requireRole(actor, 'moderator', 'Only staff can write automod rules');
      const before = await load(id);
      await ctx.database.tx(async (trx) => {
        await deleteRule(trx, id);
        await insertAudit(trx, { actorId: staff.memberId, action: 'automod.delete', targetType: 'automod_rule', targetId: id, before: ruleInputOf(before), ip });
      });
      await changed(id);
    },

    async reorder(actor: Actor, ids: readonly number[], ip: string): Promise<{ items: AutomodRuleView[] }> {
      const staff = requireRole(actor, 'moderator', 'Only staff can reorder automod rules');
      const rows = await listRules(db);
      const known = new Set(rows.map((r) => r.id));
      if (ids.length !== rows.length || ids.some((id) => !known.has(id))) throw new AppError('invalid_request', 'ids must list every rule exactly once', { field: 'ids' });
      await ctx.database.tx(async (trx) => {
        await setPositions(trx, ids);
        await insertAudit(trx, { actorId: staff.memberId, action: 'automod.reorder', targetType: 'automod_rule', targetId: null, before: rows.map((r) => r.id), after: ids, ip });
      });
      await changed(null);
      return this.list(actor);
    },

    /** What the rule would have done to the posts of the last `days` days; nothing is changed. */
    async dryRun(actor: Actor, body: DryRunBody): Promise<DryRunView> {
      requireRole(actor, 'moderator', 'Only staff can dry-run automod rules');
      requireSafePatterns(body.rule);
      const site = await deps.settings.get();
      const days = body.days ?? 30;
      const started = performance.now();
      const set = compileRules([{ id: 1, rule: { ...body.rule, enabled: true } }], { builtInSpamHold: false, spamThreshold: site.spamHoldThreshold });
      const skipped = set.skipped[0];
      if (skipped) throw new AppError('invalid_request', skipped.message, { field: 'rule' });
      const counts = { scanned: 0, matched: 0, held: 0, rejected: 0 };
      const matches: { postId: number; decision: string; evidence: string[] }[] = [];
      await postFactsScanner(db, { since: new Date(Date.now() - days * 86_400_000), scorer: deps.scorer, needs: factNeeds([body.rule]) }, (postId, facts) => {
        counts.scanned++;
        const verdict = evaluate(set, facts);
        if (verdict.matches.length === 0) return;
        counts.matched++;
        if (verdict.decision === 'hold') counts.held++;
        if (verdict.decision === 'reject') counts.rejected++;
        if (matches.length < 50) matches.push({ postId, decision: verdict.decision === 'allow' ? 'flag/tag only' : verdict.decision, evidence: verdict.matches[0]?.evidence ?? [] });
      });
      const share = counts.scanned === 0 ? 0 : counts.matched / counts.scanned;
      const warning =
        share > site.automodWarnShare
          ? `This rule would have caught ${(share * 100).toFixed(1)}% of the posts of the last ${days} days (more than ${(site.automodWarnShare * 100).toFixed(1)}%); check that it is not too broad before enabling it`
          : null;
      return { days, ...counts, share, warning, ms: Math.round(performance.now() - started), samples: await sampleDetails(db, matches) };
    },
  };
}

export type AutomodService = ReturnType<typeof createAutomodService>;
