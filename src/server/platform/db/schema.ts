// Row types of every table, for the typed query builder. Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { ModerationState, ModerationTables } from './schema-moderation';
import type { ArticlesTables } from './schema-articles';
import type { EventsTables } from './schema-events';
import type { IdeasTables } from './schema-ideas';
import type { BugsTables } from './schema-bugs';
import type { OnboardingTables } from './schema-onboarding';
import type { QaTables } from './schema-qa';

/** A timestamp the database fills in when omitted. */
export type DefaultTime = ColumnType<Date, Date | string | undefined, Date | string>;
export type Time = ColumnType<Date, Date | string, Date | string>;
export type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type Role = 'member' | 'moderator' | 'admin';
export type ApiKeyScope = 'read' | 'write' | 'admin';
export type TokenPurpose = 'setup' | 'password_reset' | 'email_confirmation';

export interface MembersTable {
  id: Generated<number>;
  display_name: Generated<string>;
  avatar_url: string | null;
  bio: Generated<string>;
  location: Generated<string>;
  company: Generated<string>;
  trust_level: Generated<number>;
  reputation: Generated<number>;
  joined_at: DefaultTime;
  last_seen_at: NullableTime;
  deleted_at: NullableTime;
  /** Trust level 4 is granted by hand; the recompute job leaves a locked level alone (0008). */
  trust_level_locked: Generated<boolean>;
}

export interface AccountsTable {
  member_id: number;
  username: string;
  email: string;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  email_confirmed_at: NullableTime;
  guidelines_version: number | null;
  guidelines_accepted_at: NullableTime;
  suspended_until: NullableTime;
  suspension_reason: string | null;
  silenced_until: NullableTime;
  /** Waits for a moderator's approval (0012). */
  approval_pending: Generated<boolean>;
  password_changed_at: DefaultTime;
  created_at: DefaultTime;
}

export interface IdentitiesTable {
  id: Generated<number>;
  member_id: number;
  platform: string;
  external_id: string;
  handle: string | null;
  email: string | null;
  verified: Generated<boolean>;
  created_at: DefaultTime;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  member_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTime;
  last_seen_at: DefaultTime;
  expires_at: Time;
}

export interface ApiKeysTable {
  id: Generated<number>;
  member_id: number;
  name: string;
  prefix: string;
  key_hash: string;
  scope: ApiKeyScope;
  created_at: DefaultTime;
  last_used_at: NullableTime;
  revoked_at: NullableTime;
}

export interface OneTimeTokensTable {
  id: Generated<number>;
  purpose: TokenPurpose;
  token_hash: string;
  member_id: number | null;
  expires_at: Time;
  used_at: NullableTime;
  created_at: DefaultTime;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  built_in: Generated<boolean>;
  created_at: DefaultTime;
}

export interface GroupMembersTable {
  group_id: number;
  member_id: number;
  added_at: DefaultTime;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: DefaultTime;
  updated_by: number | null;
}

export interface ActivitiesTable {
  id: Generated<number>;
  member_id: number;
  identity_id: number | null;
  platform: Generated<string>;
  kind: string;
  occurred_at: DefaultTime;
  space_id: number | null;
  topic_id: number | null;
  post_id: number | null;
  url: string | null;
  weight: Generated<number>;
  props: ColumnType<unknown, string | undefined, string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  reason: string | null;
  before: NullableJson;
  after: NullableJson;
  ip: string | null;
  at: DefaultTime;
}

export interface JobProgressTable {
  job_id: string;
  queue: string;
  percent: Generated<number>;
  message: Generated<string>;
  updated_at: DefaultTime;
}

export type SpaceVisibility = 'public' | 'private';

/** How a space's topics behave: plain discussions, or one of the community programs. */
export type SpaceKind = 'discussion' | 'qa' | 'ideas' | 'bugs' | 'events' | 'articles';

export interface SpacesTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  slug: string;
  description: Generated<string>;
  color: Generated<string>;
  position: Generated<number>;
  visibility: ColumnType<SpaceVisibility, SpaceVisibility | undefined, SpaceVisibility>;
  kind: ColumnType<SpaceKind, SpaceKind | undefined, SpaceKind>;
  topic_count: Generated<number>;
  post_count: Generated<number>;
  last_posted_at: NullableTime;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface SpacePermissionsTable {
  space_id: number;
  group_id: number;
  can_see: Generated<boolean>;
  can_post: Generated<boolean>;
  can_reply: Generated<boolean>;
  /** The group works this space's review queue items (0013). */
  can_moderate: Generated<boolean>;
}

export interface TopicsTable {
  id: Generated<number>;
  space_id: number;
  author_id: number;
  title: string;
  slug: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  pinned: Generated<boolean>;
  locked: Generated<boolean>;
  closed: Generated<boolean>;
  unlisted: Generated<boolean>;
  deleted_at: NullableTime;
  deleted_by: number | null;
  last_post_number: Generated<number>;
  reply_count: Generated<number>;
  last_posted_at: DefaultTime;
  last_poster_id: number | null;
  view_count: Generated<number>;
  /** Staff merged this topic into that one (0006). */
  merged_into_id: number | null;
  /** Moderation keeps it from others (0008): held, hidden or rejected; it is soft-deleted meanwhile. */
  moderation_state: ModerationState | null;
  slow_mode_seconds: Generated<number>;
  created_at: DefaultTime;
  updated_at: DefaultTime;
  /** Generated: setweight(to_tsvector('simple', title), 'A'). */
  search: ColumnType<string, never, never>;
}

export interface PostsTable {
  id: Generated<number>;
  topic_id: number;
  author_id: number;
  post_number: number;
  reply_to_post_id: number | null;
  body: string;
  html: string;
  revision: Generated<number>;
  edited_at: NullableTime;
  deleted_at: NullableTime;
  deleted_by: number | null;
  moderation_state: ModerationState | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
  /** Generated: to_tsvector('simple', body). */
  search: ColumnType<string, never, never>;
}

export interface PostRevisionsTable {
  post_id: number;
  revision: number;
  body: string;
  editor_id: number | null;
  created_at: DefaultTime;
}

export interface PostReactionsTable {
  post_id: number;
  member_id: number;
  emoji: string;
  created_at: DefaultTime;
}

export type NotificationType = 'reply' | 'mention' | 'quote' | 'reaction' | 'watching' | 'message' | 'moderation' | 'notice' | 'bookmark';
export type NotificationLevel = 'watching' | 'tracking' | 'normal' | 'muted';

export interface NotificationsTable {
  id: Generated<number>;
  member_id: number;
  type: NotificationType;
  actor_id: number | null;
  /** Null for type 'message', which points at conversation_id and message_id instead. */
  topic_id: number | null;
  post_id: number | null;
  conversation_id: number | null;
  message_id: number | null;
  /** Moderation notices (0008): { text, url }. */
  data: ColumnType<unknown, string | null | undefined, string | null>;
  emoji: string | null;
  count: Generated<number>;
  created_at: DefaultTime;
  read_at: NullableTime;
}

export interface TopicNotificationLevelsTable {
  member_id: number;
  topic_id: number;
  level: NotificationLevel;
  updated_at: DefaultTime;
}

export interface SpaceNotificationLevelsTable {
  member_id: number;
  space_id: number;
  level: NotificationLevel;
  updated_at: DefaultTime;
}

export interface PostBookmarksTable {
  member_id: number;
  post_id: number;
  note: Generated<string>;
  remind_at: NullableTime;
  created_at: DefaultTime;
}

export interface TopicReadsTable {
  member_id: number;
  topic_id: number;
  last_read_post_number: number;
  updated_at: DefaultTime;
}

export type DigestFrequency = 'never' | 'daily' | 'weekly';

export interface EmailPreferencesTable {
  member_id: number;
  digest_frequency: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>;
  notify_when_away: Generated<boolean>;
  last_digest_at: NullableTime;
  updated_at: DefaultTime;
}

export interface ConversationsTable {
  id: Generated<number>;
  title: string;
  created_by: number | null;
  message_count: Generated<number>;
  last_message_at: DefaultTime;
  last_author_id: number | null;
  created_at: DefaultTime;
}

export interface ConversationParticipantsTable {
  conversation_id: number;
  member_id: number;
  /** Invited by name; false: reaches the conversation through a group. */
  direct: Generated<boolean>;
  last_read_number: Generated<number>;
  left_at: NullableTime;
  added_at: DefaultTime;
}

export interface ConversationGroupsTable {
  conversation_id: number;
  group_id: number;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  number: number;
  author_id: number | null;
  body: string;
  html: string;
  created_at: DefaultTime;
  edited_at: NullableTime;
  deleted_at: NullableTime;
  /** Generated: to_tsvector('simple', body). */
  search: ColumnType<string, never, never>;
}

export interface DB extends ModerationTables, QaTables, IdeasTables, BugsTables, EventsTables, ArticlesTables, OnboardingTables {
  members: MembersTable;
  accounts: AccountsTable;
  identities: IdentitiesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  one_time_tokens: OneTimeTokensTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  settings: SettingsTable;
  activities: ActivitiesTable;
  audit_log: AuditLogTable;
  job_progress: JobProgressTable;
  spaces: SpacesTable;
  space_permissions: SpacePermissionsTable;
  topics: TopicsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_reactions: PostReactionsTable;
  notifications: NotificationsTable;
  topic_notification_levels: TopicNotificationLevelsTable;
  space_notification_levels: SpaceNotificationLevelsTable;
  topic_reads: TopicReadsTable;
  email_preferences: EmailPreferencesTable;
  post_bookmarks: PostBookmarksTable;
  conversations: ConversationsTable;
  conversation_participants: ConversationParticipantsTable;
  conversation_groups: ConversationGroupsTable;
  messages: MessagesTable;
}
