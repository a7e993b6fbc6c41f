-- Bug reports relayed to the product team: a topic in a space of kind 'bugs' carries the report
-- template's fields and an open/closed status; members say "affects me too". Staff link a bug report or
-- an idea to a GitHub issue (created through the REST API or an existing one); GitHub's webhook closes
-- and reopens the linked reports, and Hearth comments on the issue when staff change a status.

create table bug_reports (
  topic_id bigint primary key references topics (id) on delete cascade,
  reporter_id bigint references members (id) on delete set null,
  steps text not null,
  expected text not null,
  actual text not null,
  version text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  status_changed_at timestamptz,
  created_at timestamptz not null default now()
);
create index bug_reports_status_idx on bug_reports (status, topic_id desc);

-- "Affects me too": one per member and report.
create table bug_votes (
  topic_id bigint not null references bug_reports (topic_id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (topic_id, member_id)
);

-- A topic's GitHub issue. issue_number is null while the issue is still being created (sync pending).
create table github_links (
  topic_id bigint primary key references topics (id) on delete cascade,
  repo text not null check (repo ~ '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'),
  issue_number integer check (issue_number > 0),
  issue_url text,
  issue_state text check (issue_state in ('open', 'closed')),
  linked_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index github_links_issue_idx on github_links (lower(repo), issue_number);

-- Calls to GitHub that wait for a retry (a timeout or a 5xx): the link shows "sync pending" while one
-- is pending, "sync failed" with the error when the newest one gave up.
create table github_sync_ops (
  id bigint generated always as identity primary key,
  topic_id bigint not null references topics (id) on delete cascade,
  kind text not null check (kind in ('create_issue', 'comment')),
  body text not null default '',
  state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index github_sync_ops_topic_idx on github_sync_ops (topic_id, id desc);

-- Webhook deliveries already handled (X-GitHub-Delivery), so a redelivery changes nothing.
create table github_deliveries (
  delivery_id text primary key,
  event text not null,
  received_at timestamptz not null default now()
);

-- The GitHub integration's admin settings: secrets live here, apart from the site settings, and the API
-- never answers them (only whether they are set).
create table github_settings (
  id boolean primary key default true check (id),
  webhook_secret text,
  token text,
  default_repo text check (default_repo is null or default_repo ~ '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'),
  updated_by bigint references members (id) on delete set null,
  updated_at timestamptz not null default now()
);
