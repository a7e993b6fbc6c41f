-- Ideas boards: a space of kind 'ideas' holds ideas (its topics). Members vote once per idea and may
-- take the vote back; staff give an idea a status with a public comment (kept as a history) and merge
-- duplicates, whose votes move to the idea they duplicate.

-- One vote per member and idea. The GitHub bug relay reads this table too: keep its name and columns.
create table idea_votes (
  topic_id bigint not null references topics (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (topic_id, member_id)
);
create index idea_votes_member_idx on idea_votes (member_id);
create index idea_votes_recent_idx on idea_votes (topic_id, created_at);

-- An idea's state, written on its first vote or status change (an idea without a row is open with
-- no votes). vote_count follows idea_votes: every vote write locks this row first, then changes both.
create table ideas (
  topic_id bigint primary key references topics (id) on delete cascade,
  status text not null default 'open'
    check (status in ('open', 'under_review', 'planned', 'in_progress', 'done', 'declined', 'duplicate')),
  status_comment text not null default '',
  status_comment_html text not null default '',
  status_changed_at timestamptz,
  vote_count integer not null default 0 check (vote_count >= 0),
  merged_into_id bigint references topics (id) on delete set null,
  created_at timestamptz not null default now(),
  check (merged_into_id is null or status = 'duplicate'),
  check (merged_into_id is null or merged_into_id <> topic_id)
);
create index ideas_status_votes_idx on ideas (status, vote_count desc);
create index ideas_merged_into_idx on ideas (merged_into_id) where merged_into_id is not null;

-- Every status change with its public comment, newest last.
create table idea_status_changes (
  id bigint generated always as identity primary key,
  topic_id bigint not null references topics (id) on delete cascade,
  status text not null
    check (status in ('open', 'under_review', 'planned', 'in_progress', 'done', 'declined', 'duplicate')),
  previous_status text not null,
  comment text not null default '',
  comment_html text not null default '',
  actor_id bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
create index idea_status_changes_topic_idx on idea_status_changes (topic_id, id);
