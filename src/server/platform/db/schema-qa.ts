// Row types of the Q&A answers, votes, reputation and badges tables (migrations/0015_qa_badges.sql).
import type { Generated } from 'kysely';
import type { DefaultTime, NullableTime } from './schema';

export type ReputationReason = 'answer_accepted' | 'answer_upvoted';
export type BadgeRule = 'first_post' | 'first_accepted_answer' | 'helpful' | 'welcome_committee' | 'anniversary';

export interface QaTopicsTable {
  topic_id: number;
  accepted_post_id: number | null;
  accepted_by: number | null;
  accepted_at: NullableTime;
  first_answer_post_id: number | null;
  first_answer_at: NullableTime;
}

export interface QaVotesTable {
  post_id: number;
  member_id: number;
  topic_id: number;
  created_at: DefaultTime;
}

export interface ReputationEventsTable {
  id: Generated<number>;
  member_id: number;
  points: number;
  reason: ReputationReason;
  post_id: number | null;
  actor_id: number | null;
  created_at: DefaultTime;
}

export interface BadgesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  rule: BadgeRule | null;
  created_at: DefaultTime;
}

export interface MemberBadgesTable {
  id: Generated<number>;
  member_id: number;
  badge_id: number;
  granted_by: number | null;
  reason: string | null;
  granted_at: DefaultTime;
  revoked_at: NullableTime;
}

export interface QaTables {
  qa_topics: QaTopicsTable;
  qa_votes: QaVotesTable;
  reputation_events: ReputationEventsTable;
  badges: BadgesTable;
  member_badges: MemberBadgesTable;
}
