// Mediation: staff see pairs of members in conflict, open a private conversation with both, set or
// lift a cool-down between them (the post gate enforces it) and close it with an outcome.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound, pgErrorCode, pgCodes } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { requireRole, type Actor, type Principal } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { MessagesService } from '../../messages';
import type { ModerationNotices } from '../notices';
import { presentMediation, presentSuggestion } from './mediation.presenter';
import { buildSuggestions, cooldownEnd, isCoolingDown, mediationRules as rules, orderedPair, windowStart } from './mediation.rules';
import type { CloseBody, CooldownBody, MediationListQuery, MediationPage, MediationView, OpenMediationBody, SuggestionList, SuggestionQuery } from './mediation.schema';
import {
  closeMediation, findMediation, flagsBetweenPairs, insertMediation, listMediations, openMediationOf, repliesBetweenPairs, setCooldown, settledPairs, topicTitle, usernamesOf,
  type MediationRow,
} from './mediation.store';

export interface MediationDeps {
  messages: Pick<MessagesService, 'create'>;
  notices: ModerationNotices;
}

const staffOnly = (actor: Actor): Principal => requireRole(actor, 'moderator', 'Only moderators and admins can mediate');

function conversationBody(names: [string, string], topic: string | null, message: string): string {
  const about = topic === null ? '' : ` about the topic “${topic}”`;
  return [
    `A moderator opened a mediation between @${names[0]} and @${names[1]}${about}.`,
    'This private conversation is for the three of you: say what went wrong and what would help. Nothing here is public.',
    '',
    message,
  ].join('\n');
}

export function createMediationService(ctx: AppContext, deps: MediationDeps) {
  const db = ctx.database.db;

  async function mediation(id: number): Promise<MediationRow> {
    const row = await findMediation(db, id);
    if (!row) throw notFound('Mediation not found');
    return row;
  }

  async function tellPair(row: MediationRow, title: (other: string) => string, text: (other: string) => string): Promise<void> {
    const url = row.conversation_id === null ? null : `/messages/${row.conversation_id}`;
    const nameA = row.member_a_username ?? 'a member';
    const nameB = row.member_b_username ?? 'a member';
    await deps.notices.send([
      { memberId: row.member_a, title: title(nameB), text: text(nameB), url },
      { memberId: row.member_b, title: title(nameA), text: text(nameA), url },
    ]);
  }

  return {
    async suggestions(actor: Actor, query: SuggestionQuery): Promise<SuggestionList> {
      staffOnly(actor);
      const now = new Date();
      const [flags, replies, states] = await Promise.all([
        flagsBetweenPairs(db, windowStart(now, rules.flagWindowDays)),
        repliesBetweenPairs(db, windowStart(now, rules.heatWindowDays), rules.minExchanges),
        settledPairs(db, now),
      ]);
      const list = buildSuggestions(flags, replies, states, { now, includeSettled: query.includeSettled ?? false });
      const usernames = await usernamesOf(db, [...new Set(list.flatMap((s) => [s.memberA, s.memberB]))]);
      return { items: list.map((s) => presentSuggestion(s, usernames)) };
    },

    async open(actor: Actor, body: OpenMediationBody, ip: string | null): Promise<MediationView> {
      const moderator = staffOnly(actor);
      const [first = 0, second = 0] = body.memberIds;
      if (first === second) throw invalid('memberIds', 'A mediation needs two different members');
      if (first === moderator.memberId || second === moderator.memberId) throw invalid('memberIds', 'You cannot mediate a conflict you are part of');
      if (body.message.trim() === '') throw invalid('message', 'message needs text besides spaces');
      const [memberA, memberB] = orderedPair(first, second);
      const usernames = await usernamesOf(db, [memberA, memberB]);
      const nameA = usernames.get(memberA);
      const nameB = usernames.get(memberB);
      if (nameA === undefined || nameB === undefined) throw notFound('Member not found');
      const title = body.topicId === undefined ? null : await topicTitle(db, body.topicId);
      if (title === undefined) throw notFound('Topic not found');
      if ((await openMediationOf(db, memberA, memberB)) !== undefined) throw new AppError('conflict', 'A mediation between these members is open already');
      const conversation = await deps.messages.create(moderator, {
        recipients: [nameA, nameB],
        title: `Mediation: @${nameA} and @${nameB}`,
        body: conversationBody([nameA, nameB], title, body.message),
      });
      const at = new Date();
      const id = await ctx.database
        .tx(async (trx) => {
          const created = await insertMediation(trx, { memberA, memberB, moderatorId: moderator.memberId, conversationId: conversation.id, topicId: body.topicId ?? null, at });
          const after = { memberIds: [memberA, memberB], topicId: body.topicId ?? null, conversationId: conversation.id };
          await insertAudit(trx, { actorId: moderator.memberId, action: 'mediation.open', targetType: 'mediation', targetId: created, after, ip });
          return created;
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === pgCodes.uniqueViolation) throw new AppError('conflict', 'A mediation between these members is open already');
          throw error;
        });
      return presentMediation(await mediation(id), at);
    },

    async setCooldown(actor: Actor, id: number, body: CooldownBody, ip: string | null): Promise<MediationView> {
      const moderator = staffOnly(actor);
      const row = await mediation(id);
      const now = new Date();
      const until = cooldownEnd(now, body.days);
      await ctx.database.tx(async (trx) => {
        await setCooldown(trx, id, until);
        const before = { cooldownUntil: row.cooldown_until?.toISOString() ?? null };
        await insertAudit(trx, { actorId: moderator.memberId, action: 'mediation.cooldown', targetType: 'mediation', targetId: id, reason: body.reason, before, after: { cooldownUntil: until.toISOString(), days: body.days }, ip });
      });
      const day = until.toISOString().slice(0, 10);
      await tellPair(
        row,
        (other) => `A cool-down with @${other}`,
        (other) => `A moderator set a cool-down between you and @${other} until ${day}: until then neither of you can reply to or mention the other. Reason: ${body.reason}`,
      );
      return presentMediation(await mediation(id), now);
    },

    async liftCooldown(actor: Actor, id: number, ip: string | null): Promise<MediationView> {
      const moderator = staffOnly(actor);
      const row = await mediation(id);
      const now = new Date();
      if (!isCoolingDown(row.cooldown_until, now)) throw new AppError('conflict', 'This mediation has no cool-down running');
      await ctx.database.tx(async (trx) => {
        await setCooldown(trx, id, null);
        const before = { cooldownUntil: row.cooldown_until?.toISOString() ?? null };
        await insertAudit(trx, { actorId: moderator.memberId, action: 'mediation.cooldownLift', targetType: 'mediation', targetId: id, before, after: { cooldownUntil: null }, ip });
      });
      await tellPair(row, (other) => `The cool-down with @${other} is over`, (other) => `A moderator lifted the cool-down between you and @${other}.`);
      return presentMediation(await mediation(id), now);
    },

    async close(actor: Actor, id: number, body: CloseBody, ip: string | null): Promise<MediationView> {
      const moderator = staffOnly(actor);
      await mediation(id);
      const now = new Date();
      const outcome = body.outcome.trim();
      if (outcome === '') throw invalid('outcome', 'outcome needs text besides spaces');
      const closed = await ctx.database.tx(async (trx) => {
        if (!(await closeMediation(trx, id, outcome, now))) return false;
        await insertAudit(trx, { actorId: moderator.memberId, action: 'mediation.close', targetType: 'mediation', targetId: id, before: { status: 'open' }, after: { status: 'closed', outcome }, ip });
        return true;
      });
      if (!closed) throw new AppError('conflict', 'This mediation is closed already');
      return presentMediation(await mediation(id), now);
    },

    async get(actor: Actor, id: number): Promise<MediationView> {
      staffOnly(actor);
      return presentMediation(await mediation(id), new Date());
    },

    async list(actor: Actor, query: MediationListQuery): Promise<MediationPage> {
      staffOnly(actor);
      const limit = query.limit ?? 20;
      const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
      const rows = await listMediations(db, { status: query.status, limit, beforeId: beforeId as number | undefined });
      const page = pageOf(rows, limit, (r) => [r.id]);
      const now = new Date();
      return { items: page.items.map((r) => presentMediation(r, now)), nextCursor: page.nextCursor };
    },
  };
}

export type MediationService = ReturnType<typeof createMediationService>;
