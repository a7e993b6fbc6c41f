// Row types of the bug reports and their GitHub links tables (migration 0017).
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTime, NullableTime } from './schema';

export type BugStatus = 'open' | 'closed';
export type GitHubSyncOpKind = 'create_issue' | 'comment';
export type GitHubSyncOpState = 'pending' | 'done' | 'failed';

export interface BugReportsTable {
  topic_id: number;
  reporter_id: number | null;
  steps: string;
  expected: string;
  actual: string;
  version: string;
  status: Generated<BugStatus>;
  status_changed_at: NullableTime;
  created_at: DefaultTime;
}

export interface BugVotesTable {
  topic_id: number;
  member_id: number;
  created_at: DefaultTime;
}

export interface GitHubLinksTable {
  topic_id: number;
  repo: string;
  issue_number: number | null;
  issue_url: string | null;
  issue_state: BugStatus | null;
  linked_by: number | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface GitHubSyncOpsTable {
  id: Generated<number>;
  topic_id: number;
  kind: GitHubSyncOpKind;
  body: ColumnType<string, string | undefined, string>;
  state: Generated<GitHubSyncOpState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: DefaultTime;
  updated_at: DefaultTime;
}

export interface GitHubDeliveriesTable {
  delivery_id: string;
  event: string;
  received_at: DefaultTime;
}

export interface GitHubSettingsTable {
  id: Generated<boolean>;
  webhook_secret: string | null;
  token: string | null;
  default_repo: string | null;
  updated_by: number | null;
  updated_at: DefaultTime;
}

export interface BugsTables {
  bug_reports: BugReportsTable;
  bug_votes: BugVotesTable;
  github_links: GitHubLinksTable;
  github_sync_ops: GitHubSyncOpsTable;
  github_deliveries: GitHubDeliveriesTable;
  github_settings: GitHubSettingsTable;
}
