// Mediation rows and suggestions → API shape.
import { isCoolingDown, type Suggestion } from './mediation.rules';
import type { MediationView, SuggestionView } from './mediation.schema';
import type { MediationRow } from './mediation.store';

export function presentMediation(row: MediationRow, now: Date): MediationView {
  return {
    id: row.id,
    members: [
      { id: row.member_a, username: row.member_a_username },
      { id: row.member_b, username: row.member_b_username },
    ],
    moderator: row.moderator_id === null ? null : { id: row.moderator_id, username: row.moderator_username },
    conversationId: row.conversation_id,
    topic: row.topic_id === null || row.topic_title === null ? null : { id: row.topic_id, title: row.topic_title },
    status: row.status,
    cooldownUntil: row.cooldown_until?.toISOString() ?? null,
    coolingDown: isCoolingDown(row.cooldown_until, now),
    outcome: row.outcome,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

export function presentSuggestion(s: Suggestion, usernames: ReadonlyMap<number, string>): SuggestionView {
  return {
    members: [
      { id: s.memberA, username: usernames.get(s.memberA) ?? null },
      { id: s.memberB, username: usernames.get(s.memberB) ?? null },
    ],
    reasons: s.reasons,
    evidence: s.evidence,
    topic: s.topic,
    mediationOpen: s.openMediationId !== null,
    openMediationId: s.openMediationId,
    cooldownUntil: s.cooldownUntil?.toISOString() ?? null,
  };
}
