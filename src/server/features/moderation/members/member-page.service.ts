// A member's moderation page for staff (flags given and received, items, sanctions with the ladder's
// suggestion, appeals, notes) and the member's own view (what is held and why, sanctions, appeals).
import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import { requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { AppealsService } from '../appeals/appeals.service';
import { presentItem } from '../queue/queue.presenter';
import { presentSanction, type SanctionsService } from '../sanctions/sanctions.service';
import { sanctionsOf } from '../sanctions/sanctions.store';
import type { MemberModerationView, MemberNoteView, MyModerationView } from './member-page.schema';
import { flagCounts, insertNote, itemsAbout, memberBasics, notesOf } from './member-page.store';

export function createMemberPageService(ctx: AppContext, deps: { sanctions: SanctionsService; appeals: AppealsService; moderatedSpaceIds: (actor: Actor) => Promise<number[]> }) {
  const db = ctx.database.db;

  return {
    async page(actor: Actor, memberId: number): Promise<Static<typeof MemberModerationView>> {
      requireRole(actor, 'moderator', 'Only staff can see moderation pages');
      const member = await memberBasics(db, memberId);
      if (!member) throw notFound('Member not found');
      const [flags, items, history, appeals, notes] = await Promise.all([
        flagCounts(db, memberId),
        itemsAbout(db, memberId, 50),
        deps.sanctions.history(actor, memberId),
        deps.appeals.list(actor, { memberId, limit: 100 }),
        notesOf(db, memberId),
      ]);
      return {
        member: {
          id: member.id, username: member.username, displayName: member.display_name, role: member.role, trustLevel: member.trust_level, joinedAt: member.joined_at.toISOString(),
          posts: Number(member.post_count ?? 0), silencedUntil: member.silenced_until?.toISOString() ?? null, suspendedUntil: member.suspended_until?.toISOString() ?? null,
        },
        flags,
        items: items.map(presentItem),
        sanctions: history.items,
        suggestion: history.suggestion,
        appeals: appeals.items,
        notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.username, createdAt: n.created_at.toISOString() })),
      };
    },

    async addNote(actor: Actor, memberId: number, body: string, ip: string): Promise<Static<typeof MemberNoteView>> {
      const staff = requireRole(actor, 'moderator', 'Only staff can write moderation notes');
      if (!(await memberBasics(db, memberId))) throw notFound('Member not found');
      const id = await ctx.database.tx(async (trx) => {
        const created = await insertNote(trx, memberId, staff.memberId, body);
        await insertAudit(trx, { actorId: staff.memberId, action: 'member.note', targetType: 'member', targetId: memberId, after: { noteId: created }, ip });
        return created;
      });
      return { id, body, author: staff.username, createdAt: new Date().toISOString() };
    },

    async mine(actor: Actor): Promise<Static<typeof MyModerationView>> {
      const member = requireMember(actor);
      const [items, sanctions, appeals, moderates] = await Promise.all([itemsAbout(db, member.memberId, 50), sanctionsOf(db, member.memberId), deps.appeals.mine(actor), deps.moderatedSpaceIds(actor)]);
      const appealedItems = new Set(appeals.items.map((a) => a.reviewItemId));
      return {
        // Flagged-member items stay between moderators; posts the member wrote are theirs to see.
        items: items
          .filter((r) => r.post_id !== null)
          .map((r) => ({
            id: r.id,
            kind: r.kind,
            status: r.status,
            reason: r.reason,
            post: r.post_id === null || r.topic_id === null ? null : { id: r.post_id, topicId: r.topic_id, topicTitle: r.topic_title ?? '', excerpt: (r.post_body ?? '').slice(0, 280), state: r.moderation_state },
            resolution: r.resolution,
            resolutionReason: r.resolution_reason,
            createdAt: r.created_at.toISOString(),
            resolvedAt: r.resolved_at?.toISOString() ?? null,
            appealable: r.status === 'rejected' && !appealedItems.has(r.id),
          })),
        sanctions: sanctions.map((s) => presentSanction(s)),
        appeals: appeals.items,
        moderates,
      };
    },
  };
}

export type MemberPageService = ReturnType<typeof createMemberPageService>;
