// Row types of the ideas boards tables (migration 0016).
import type { Generated } from 'kysely';
import type { DefaultTime, NullableTime } from './schema';

export type IdeaStatus = 'open' | 'under_review' | 'planned' | 'in_progress' | 'done' | 'declined' | 'duplicate';

export interface IdeaVotesTable {
  topic_id: number;
  member_id: number;
  created_at: DefaultTime;
}

export interface IdeasTable {
  topic_id: number;
  status: Generated<IdeaStatus>;
  status_comment: Generated<string>;
  status_comment_html: Generated<string>;
  status_changed_at: NullableTime;
  vote_count: Generated<number>;
  merged_into_id: number | null;
  created_at: DefaultTime;
}

export interface IdeaStatusChangesTable {
  id: Generated<number>;
  topic_id: number;
  status: IdeaStatus;
  previous_status: IdeaStatus;
  comment: Generated<string>;
  comment_html: Generated<string>;
  actor_id: number | null;
  created_at: DefaultTime;
}

export interface IdeasTables {
  idea_votes: IdeaVotesTable;
  ideas: IdeasTable;
  idea_status_changes: IdeaStatusChangesTable;
}
