// Row types of the events, RSVPs and AMA questions tables (migrations/0018_events.sql).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTime, NullableTime, Time } from './schema';

export type RsvpStatus = 'going' | 'maybe' | 'not_going' | 'waitlisted';

export interface EventsTable {
  id: Generated<number>;
  space_id: number;
  topic_id: number | null;
  creator_id: number;
  title: string;
  description: Generated<string>;
  description_html: Generated<string>;
  starts_at: Time;
  ends_at: Time;
  timezone: string;
  online_url: string | null;
  location: string | null;
  capacity: number | null;
  ama: Generated<boolean>;
  cancelled_at: NullableTime;
  reminded_24h_at: NullableTime;
  reminded_1h_at: NullableTime;
  sequence: Generated<number>;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface EventRsvpsTable {
  event_id: number;
  member_id: number;
  status: RsvpStatus;
  waitlist_seq: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface EventQuestionsTable {
  id: Generated<number>;
  event_id: number;
  author_id: number;
  body: string;
  html: string;
  vote_count: Generated<number>;
  answered_at: NullableTime;
  answered_by: number | null;
  answer_post_id: number | null;
  created_at: DefaultTime;
}

export interface EventQuestionVotesTable {
  question_id: number;
  member_id: number;
  created_at: DefaultTime;
}

export interface EventsTables {
  events: EventsTable;
  event_rsvps: EventRsvpsTable;
  event_questions: EventQuestionsTable;
  event_question_votes: EventQuestionVotesTable;
}
