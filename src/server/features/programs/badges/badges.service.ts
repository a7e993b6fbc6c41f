// Badges: defined once (the migration seeds them), granted by rules (on events and by a daily job)
// or by staff, revoked by staff. A leaderboard ranks reputation gained over a rolling period.
import type { AppContext } from '../../../context';
import type { BadgeRule } from '../../../platform/db/schema-qa';
import { AppError, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import type { ModerationNotices } from '../../moderation';
import { badgeRules, periodStart, ranks } from './badges.rules';
import type { BadgeList, GrantBody, LeaderboardQuery, LeaderboardView, MemberBadge, MemberBadgesView } from './badges.schema';
import { badgesByRule, findBadge, findMemberByUsername, grantByHand, grantByRule, leaderboard, listBadges, memberBadges, revokeGrant, ruleQuery, usernamesOf } from './badges.store';

export interface BadgeDeps {
  notices: ModerationNotices;
}

const leaderboardSize = 50;

export function createBadgesService(ctx: AppContext, deps: BadgeDeps) {
  const db = ctx.database.db;

  const badgeNotice = (memberId: number, name: string, username: string | null, at: Date) => ({
    memberId,
    title: `You earned a badge: ${name}`,
    text: `You were granted the "${name}" badge.`,
    url: username ? `/u/${encodeURIComponent(username)}` : '/badges',
    type: 'notice' as const,
    at,
  });

  async function memberOr404(username: string) {
    const member = await findMemberByUsername(db, username);
    if (!member) throw notFound('Member not found');
    return member;
  }

  return {
    /**
     * Grants the rule badges the members (or, null, everyone) now qualify for and tells them.
     * Idempotent: a held or revoked badge is never granted again by a rule. Returns the grants made.
     */
    async evaluate(memberIds: readonly number[] | null, rules: readonly BadgeRule[] = badgeRules, now = new Date()): Promise<number> {
      if (memberIds !== null && memberIds.length === 0) return 0;
      const badges = (await badgesByRule(db)).filter((b) => b.rule !== null && rules.includes(b.rule));
      const granted: { memberId: number; name: string }[] = [];
      const written = await ctx.database.tx(async (trx) => {
        for (const badge of badges) {
          if (!badge.rule) continue;
          const members = await grantByRule(trx, badge.id, ruleQuery(badge.rule, now, memberIds), now);
          for (const memberId of members) granted.push({ memberId, name: badge.name });
        }
        if (granted.length === 0) return [];
        const names = await usernamesOf(trx, granted.map((g) => g.memberId));
        return deps.notices.write(trx, granted.map((g) => badgeNotice(g.memberId, g.name, names.get(g.memberId) ?? null, now)));
      });
      await deps.notices.announce(written);
      return granted.length;
    },

    async list(): Promise<BadgeList> {
      const rows = await listBadges(db);
      return { items: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, description: r.description, rule: r.rule, grantCount: Number(r.grant_count) })) };
    },

    async ofMember(username: string): Promise<MemberBadgesView> {
      const member = await memberOr404(username);
      const rows = await memberBadges(db, member.id);
      const items: MemberBadge[] = rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, description: r.description, byHand: r.granted_by !== null, reason: r.reason, grantedAt: r.granted_at.toISOString() }));
      return { username: member.username, reputation: member.reputation, items };
    },

    async grant(actor: Actor, badgeId: number, body: GrantBody, ip: string | null): Promise<MemberBadge> {
      const staff = requireRole(actor, 'moderator', 'Only staff can grant badges');
      const badge = await findBadge(db, badgeId);
      if (!badge) throw notFound('Badge not found');
      const member = await memberOr404(body.username);
      const reason = body.reason?.trim() || null;
      const at = new Date();
      const written = await ctx.database.tx(async (trx) => {
        const id = await grantByHand(trx, { badgeId, memberId: member.id, by: staff.memberId, reason, at });
        if (id === null) throw new AppError('conflict', `${member.username} already has the "${badge.name}" badge`);
        await insertAudit(trx, { actorId: staff.memberId, action: 'badge.grant', targetType: 'member', targetId: member.id, reason, after: { badge: badge.slug }, ip });
        await recordActivity(trx, { memberId: member.id, kind: 'badge.granted', occurredAt: at, props: { badge: badge.slug, byHand: true } });
        return deps.notices.write(trx, [badgeNotice(member.id, badge.name, member.username, at)]);
      });
      await deps.notices.announce(written);
      return { id: badge.id, slug: badge.slug, name: badge.name, description: badge.description, byHand: true, reason, grantedAt: at.toISOString() };
    },

    async revoke(actor: Actor, badgeId: number, username: string, ip: string | null): Promise<void> {
      const staff = requireRole(actor, 'moderator', 'Only staff can revoke badges');
      const badge = await findBadge(db, badgeId);
      if (!badge) throw notFound('Badge not found');
      const member = await memberOr404(username);
      await ctx.database.tx(async (trx) => {
        if (!(await revokeGrant(trx, badgeId, member.id, new Date()))) throw notFound(`${member.username} does not have this badge`);
        await insertAudit(trx, { actorId: staff.memberId, action: 'badge.revoke', targetType: 'member', targetId: member.id, before: { badge: badge.slug }, ip });
      });
    },

    async leaderboard(query: LeaderboardQuery, now = new Date()): Promise<LeaderboardView> {
      const period = query.period ?? 'month';
      const since = periodStart(period, now);
      const rows = await leaderboard(db, since, leaderboardSize);
      const points = rows.map((r) => Number(r.points));
      const rank = ranks(points);
      return {
        period,
        since: since?.toISOString() ?? null,
        items: rows.map((r, i) => ({ rank: rank[i] ?? i + 1, member: { id: r.id, username: r.username, displayName: r.display_name }, points: points[i] ?? 0, badgeCount: Number(r.badge_count) })),
      };
    },
  };
}

export type BadgesService = ReturnType<typeof createBadgesService>;
