// Row types of the articles, announcements and scheduled publishing tables (migrations/0019_articles.sql).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTime, Json, NullableTime, Time } from './schema';

export type AnnouncementAudience = 'everyone' | 'members';
export type ScheduledKind = 'topic' | 'article' | 'announcement';
export type ScheduledStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'cancelled';

export interface ArticleReviewsTable {
  topic_id: number;
  reviewed_at: Time;
  reviewed_by: number | null;
}

export interface ArticleFeedbackTable {
  topic_id: number;
  member_id: number;
  helpful: boolean;
  comment: string | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface AnnouncementsTable {
  id: Generated<number>;
  title: string;
  body: string;
  html: string;
  audience: ColumnType<AnnouncementAudience, AnnouncementAudience | undefined, AnnouncementAudience>;
  starts_at: DefaultTime;
  ends_at: NullableTime;
  created_by: number | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface AnnouncementDismissalsTable {
  announcement_id: number;
  member_id: number;
  dismissed_at: DefaultTime;
}

export interface ScheduledItemsTable {
  id: Generated<number>;
  kind: ScheduledKind;
  author_id: number;
  publish_at: Time;
  payload: Json;
  status: ColumnType<ScheduledStatus, ScheduledStatus | undefined, ScheduledStatus>;
  error: string | null;
  topic_id: number | null;
  announcement_id: number | null;
  published_at: NullableTime;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface ArticlesTables {
  article_reviews: ArticleReviewsTable;
  article_feedback: ArticleFeedbackTable;
  announcements: AnnouncementsTable;
  announcement_dismissals: AnnouncementDismissalsTable;
  scheduled_items: ScheduledItemsTable;
}
