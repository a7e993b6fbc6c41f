-- Q&A spaces, reputation and badges. A topic in a space of kind 'qa' is a question; its replies are
-- answers. qa_topics holds what a question gained: the accepted answer (one at a time) and when the
-- first answer came (tracked from post.created, backfilled by the daily job).
create table qa_topics (
  topic_id bigint primary key references topics (id) on delete cascade,
  accepted_post_id bigint references posts (id) on delete set null,
  accepted_by bigint references members (id) on delete set null,
  accepted_at timestamptz,
  first_answer_post_id bigint references posts (id) on delete set null,
  first_answer_at timestamptz
);
create index qa_topics_accepted_idx on qa_topics (accepted_post_id) where accepted_post_id is not null;
-- A Q&A space's questions (and an ideas board's "new" sort) are listed newest first by space.
create index topics_space_created_idx on topics (space_id, created_at desc, id desc) where deleted_at is null;

-- Up-votes on answers: one per member and post.
create table qa_votes (
  post_id bigint not null references posts (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  topic_id bigint not null references topics (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, member_id)
);
create index qa_votes_topic_idx on qa_votes (topic_id);
create index qa_votes_member_idx on qa_votes (member_id, created_at);

-- The reputation ledger: each entry is what one vote or one acceptance earned; taking the vote or
-- acceptance back deletes the entry. members.reputation is the running sum, kept in the same
-- transaction.
create table reputation_events (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  points integer not null,
  reason text not null check (reason in ('answer_accepted', 'answer_upvoted')),
  post_id bigint references posts (id) on delete cascade,
  actor_id bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index reputation_events_accept_key on reputation_events (post_id) where reason = 'answer_accepted';
create unique index reputation_events_vote_key on reputation_events (post_id, actor_id) where reason = 'answer_upvoted';
create index reputation_events_time_idx on reputation_events (created_at, member_id);
create index reputation_events_member_idx on reputation_events (member_id, created_at);

-- Badges are defined once; a rule (evaluated on events and by a daily job) or staff grant them.
create table badges (
  id bigint generated always as identity primary key,
  slug text not null unique,
  name text not null,
  description text not null,
  rule text check (rule in ('first_post', 'first_accepted_answer', 'helpful', 'welcome_committee', 'anniversary')),
  created_at timestamptz not null default now()
);

-- One row per member and badge. granted_by is null for a rule's grant. A revoked badge keeps its row
-- (revoked_at set), so the rules do not grant it again; a manual grant restores it.
create table member_badges (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  badge_id bigint not null references badges (id) on delete cascade,
  granted_by bigint references members (id) on delete set null,
  reason text,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  unique (member_id, badge_id)
);
create index member_badges_badge_idx on member_badges (badge_id) where revoked_at is null;

insert into badges (slug, name, description, rule) values
  ('first-post', 'First post', 'Wrote a first topic or reply.', 'first_post'),
  ('first-accepted-answer', 'First accepted answer', 'Gave an answer that the asker accepted.', 'first_accepted_answer'),
  ('helpful', 'Helpful', 'Answers up-voted 10 times in all.', 'helpful'),
  ('welcome-committee', 'Welcome committee', 'First to reply to 5 topics of newcomers (who joined less than 14 days before).', 'welcome_committee'),
  ('anniversary', 'Anniversary', 'A member for a year who posted in the last year.', 'anniversary');
