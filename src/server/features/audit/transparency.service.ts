// The transparency page: what moderation did, in public, when the site enables it (404 otherwise).
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import type { SettingsService } from '../settings';
import { byMonth, periodStart, publicActions, publicFamilies, shortGuideline, transparencyRules as rules } from './transparency.rules';
import type { TransparencyReport } from './transparency.schema';
import { latestActions, monthlyCounts } from './transparency.store';

export function createTransparencyService(ctx: AppContext, settings: Pick<SettingsService, 'get'>) {
  const db = ctx.database.db;
  return {
    async report(): Promise<TransparencyReport> {
      if (!(await settings.get()).transparencyPage) throw notFound('This community does not publish a transparency page');
      const since = periodStart(new Date(), rules.months);
      const [counts, latest] = await Promise.all([monthlyCounts(db, since, publicActions, publicFamilies), latestActions(db, publicActions, publicFamilies, rules.recentLimit)]);
      return {
        since: since.toISOString(),
        months: byMonth(counts),
        recent: latest.map((r) => ({ kind: r.action, at: r.at.toISOString(), guideline: shortGuideline(r.guideline) })),
      };
    },
  };
}

export type TransparencyService = ReturnType<typeof createTransparencyService>;
