// Row types of the moderation tables (migrations/0008_moderation.sql).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTime, Json, NullableTime, Time } from './schema';

export type ModerationState = 'held' | 'hidden' | 'rejected';
export type ReviewKind = 'flagged_post' | 'held_post' | 'first_post' | 'flagged_member' | 'signup';
export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'dismissed';
export type FlagReason = 'spam' | 'harassment' | 'off_topic' | 'inappropriate' | 'other';
export type FlagStatus = 'open' | 'agreed' | 'disagreed' | 'ignored';
export type SanctionKind = 'warning' | 'silence' | 'suspension' | 'ban';
export type AppealStatus = 'pending' | 'upheld' | 'overturned' | 'reduced';
export type ClassifierKind = 'spam' | 'abuse';

export interface PostScoresTable {
  post_id: number;
  spam: number;
  hate: number;
  offensive: number;
  spam_version: string;
  abuse_version: string;
  scored_at: DefaultTime;
}

export interface AutomodRulesTable {
  id: Generated<number>;
  name: string;
  enabled: Generated<boolean>;
  position: number;
  definition: Json;
  hits: ColumnType<number, number | undefined, number>;
  last_hit_at: NullableTime;
  created_by: number | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface ReviewItemsTable {
  id: Generated<number>;
  kind: ReviewKind;
  post_id: number | null;
  member_id: number;
  space_id: number | null;
  reason: ColumnType<unknown, string | undefined, string>;
  score: Generated<number>;
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>;
  claimed_by: number | null;
  claimed_at: NullableTime;
  resolved_by: number | null;
  resolved_at: NullableTime;
  resolution: string | null;
  resolution_reason: string | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface FlagsTable {
  id: Generated<number>;
  post_id: number | null;
  target_member_id: number;
  flagger_id: number;
  reason: FlagReason;
  message: string | null;
  weight: number;
  review_item_id: number | null;
  status: ColumnType<FlagStatus, FlagStatus | undefined, FlagStatus>;
  created_at: DefaultTime;
  resolved_at: NullableTime;
}

export interface SanctionsTable {
  id: Generated<number>;
  member_id: number;
  kind: SanctionKind;
  reason: string;
  guideline: string | null;
  message: string | null;
  starts_at: DefaultTime;
  ends_at: Time;
  created_by: number | null;
  review_item_id: number | null;
  post_id: number | null;
  lifted_at: NullableTime;
  lifted_by: number | null;
  created_at: DefaultTime;
}

export interface BannedAddressesTable {
  id: Generated<number>;
  kind: 'email' | 'ip';
  value: string;
  sanction_id: number;
  ends_at: Time;
}

export interface AppealsTable {
  id: Generated<number>;
  member_id: number;
  sanction_id: number | null;
  review_item_id: number | null;
  body: string;
  acted_by: number | null;
  status: ColumnType<AppealStatus, AppealStatus | undefined, AppealStatus>;
  decided_by: number | null;
  decided_at: NullableTime;
  decision_note: string | null;
  created_at: DefaultTime;
}

export interface MediationsTable {
  id: Generated<number>;
  member_a: number;
  member_b: number;
  moderator_id: number | null;
  conversation_id: number | null;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  cooldown_until: NullableTime;
  outcome: string | null;
  created_at: DefaultTime;
  closed_at: NullableTime;
}

export interface ClassifierModelsTable {
  id: Generated<number>;
  kind: ClassifierKind;
  version: string;
  model: Json;
  examples: number;
  community_examples: number;
  trained_at: DefaultTime;
}

export interface ModerationLabelsTable {
  id: Generated<number>;
  post_id: number | null;
  text: string;
  kind: ClassifierKind;
  label: string;
  model_version: string | null;
  decided_by: number | null;
  decided_at: DefaultTime;
}

export interface MemberNotesTable {
  id: Generated<number>;
  member_id: number;
  author_id: number | null;
  body: string;
  created_at: DefaultTime;
}

/** The UTC days a member was seen (migrations/0009_flags_trust.sql): trust levels count them. */
export interface MemberVisitsTable {
  member_id: number;
  day: ColumnType<string, string, string>;
}

export interface GuidelineVersionsTable {
  version: number;
  markdown: string;
  created_by: number | null;
  created_at: DefaultTime;
}

export interface ModerationTables {
  guideline_versions: GuidelineVersionsTable;
  member_notes: MemberNotesTable;
  post_scores: PostScoresTable;
  automod_rules: AutomodRulesTable;
  review_items: ReviewItemsTable;
  flags: FlagsTable;
  sanctions: SanctionsTable;
  banned_addresses: BannedAddressesTable;
  appeals: AppealsTable;
  mediations: MediationsTable;
  classifier_models: ClassifierModelsTable;
  moderation_labels: ModerationLabelsTable;
  member_visits: MemberVisitsTable;
}

/** Columns migrations/0010_mediation_audit.sql adds to mediations (merged into the interface above). */
export interface MediationsTable {
  topic_id: number | null;
}
