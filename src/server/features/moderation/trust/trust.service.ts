// Trust levels: earned from participation, recomputed daily (and on demand by admins), shown to each
// member with their progress. Every change is audited, told to the member and refreshes their cached
// credentials (trust levels decide group membership).
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import { requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { SettingsService } from '../../settings';
import { baseWeight } from '../flags';
import type { ModerationNotices } from '../notices';
import { limitsFor } from './posting-limits.rules';
import type { LevelChange, MyTrustView, RecomputeResult, TrustLevelsView } from './trust.schema';
import { earnedLevel, levelNames, levelNotice, nextLevel, progressToward, type TrustStats, type TrustThresholds } from './trust.rules';
import { changeLevel, countMembers, memberStats, statsOf, type StatsRow } from './trust.store';

const DAY_MS = 86_400_000;
const BATCH = 500;

const descriptions = [
  'Every new member starts here, with posting limits that keep spam out.',
  'Has read around: higher posting limits.',
  'Takes part regularly: no posting limits, flags that weigh more.',
  'A pillar of the community over the last months: flags weigh more still. Kept by staying active.',
  'Granted by staff to trusted leaders; never changes by itself.',
];

export interface TrustDeps {
  settings: Pick<SettingsService, 'get'>;
  notices: ModerationNotices;
}

export function createTrustService(ctx: AppContext, deps: TrustDeps) {
  const db = ctx.database.db;

  /** Applies one batch's changes in a transaction; what changed, with the notices to announce. */
  async function apply(rows: StatsRow[], thresholds: TrustThresholds) {
    const planned = rows
      .filter((row): row is StatsRow & { username: string } => row.username !== null)
      .map((row) => ({ row, to: nextLevel({ level: row.trust_level, locked: row.trust_level_locked, restricted: row.restricted }, earnedLevel(statsOf(row), thresholds)) }))
      .filter(({ row, to }) => to !== row.trust_level);
    if (planned.length === 0) return { changes: [], notices: [] };
    return ctx.database.tx(async (trx) => {
      const changes: LevelChange[] = [];
      for (const { row, to } of planned) {
        if (!(await changeLevel(trx, row.id, row.trust_level, to))) continue;
        await insertAudit(trx, { actorId: null, action: 'member.trustLevel', targetType: 'member', targetId: row.id, reason: 'earned', before: { trustLevel: row.trust_level }, after: { trustLevel: to } });
        changes.push({ memberId: row.id, username: row.username, from: row.trust_level, to });
      }
      const notices = await deps.notices.write(
        trx,
        changes.map((c) => ({ memberId: c.memberId, ...levelNotice(c.from, c.to, thresholds.tl3PeriodDays), url: '/me/trust' })),
      );
      return { changes, notices };
    });
  }

  return {
    /** Recomputes every member's level, a batch at a time; progress(0–100) as it goes. */
    async recompute(progress?: (percent: number, message: string) => Promise<void>): Promise<RecomputeResult> {
      const { trustLevelThresholds: thresholds } = await deps.settings.get();
      const since = new Date(Date.now() - thresholds.tl3PeriodDays * DAY_MS);
      const total = await countMembers(db);
      const result: RecomputeResult = { changed: 0, promoted: [], demoted: [] };
      let afterId = 0;
      let seen = 0;
      for (;;) {
        const rows = await memberStats(db, { since, afterId, limit: BATCH });
        if (rows.length === 0) break;
        const { changes, notices } = await apply(rows, thresholds);
        for (const change of changes) {
          (change.to > change.from ? result.promoted : result.demoted).push(change);
          await ctx.bus.emit('member.credentialsChanged', { memberId: change.memberId });
        }
        await deps.notices.announce(notices);
        result.changed += changes.length;
        seen += rows.length;
        afterId = rows[rows.length - 1]?.id ?? afterId;
        await progress?.(total === 0 ? 100 : Math.min(99, Math.floor((seen / total) * 100)), `${seen} of ${total} members, ${result.changed} changed`);
      }
      return result;
    },

    /** Admins: recompute now. */
    async recomputeNow(actor: Actor): Promise<RecomputeResult> {
      requireRole(actor, 'admin', 'Only admins can recompute trust levels');
      return this.recompute();
    },

    /** The levels, their requirements and limits, for everyone. */
    async levels(): Promise<TrustLevelsView> {
      const { trustLevelThresholds: t, trustLevelLimits: limits } = await deps.settings.get();
      const requirements = [null, t.tl1, t.tl2, t.tl3, null];
      return {
        levels: levelNames.map((name, level) => ({
          level,
          name,
          description: descriptions[level] ?? '',
          requirements: requirements[level] ?? null,
          periodDays: level === 3 ? t.tl3PeriodDays : null,
          limits: limitsFor(level, limits),
          flagWeight: baseWeight(level),
        })),
      };
    },

    /** The member's counts, level, limits and progress toward the next level. */
    async mine(actor: Actor): Promise<MyTrustView> {
      const member = requireMember(actor);
      const { trustLevelThresholds: t, trustLevelLimits: limits } = await deps.settings.get();
      const [row] = await memberStats(db, { since: new Date(Date.now() - t.tl3PeriodDays * DAY_MS), afterId: 0, limit: 1, onlyId: member.memberId });
      if (!row) throw notFound('Member not found');
      const stats: TrustStats = statsOf(row);
      const level = row.trust_level;
      const nextUp = level < 3 ? ((level + 1) as 1 | 2 | 3) : null;
      const next = nextUp === null ? null : { level: nextUp, name: levelNames[nextUp], ...progressToward(stats, t, nextUp) };
      const keep = level === 3 ? progressToward(stats, t, 3) : null;
      const allMet = (p: { requirements: { met: boolean }[] }) => p.requirements.every((r) => r.met);
      return {
        level,
        name: levelNames[level] ?? String(level),
        locked: row.trust_level_locked,
        stats,
        periodDays: t.tl3PeriodDays,
        limits: limitsFor(level, limits),
        next: next && { ...next, met: allMet(next) && (next.level < 3 || stats.recent.sanctions === 0) },
        keep: keep && { met: allMet(keep) && stats.recent.sanctions === 0, requirements: keep.requirements },
      };
    },
  };
}

export type TrustService = ReturnType<typeof createTrustService>;
