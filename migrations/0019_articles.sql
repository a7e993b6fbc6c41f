-- Knowledge bases, announcements and scheduled publishing. A topic in a space of kind 'articles' is an
-- article (its first post is the text); article_reviews holds when staff last checked it and
-- article_feedback one "was this helpful?" answer per member. Announcements are site-wide banners
-- with an optional window and audience; members dismiss them for themselves. scheduled_items holds
-- topics, articles and announcements that staff want published later: a job claims the due ones
-- (pending → publishing) so each is published once, then records the result or the error.
create table article_reviews (
  topic_id bigint primary key references topics (id) on delete cascade,
  reviewed_at timestamptz not null,
  reviewed_by bigint references members (id) on delete set null
);

create table article_feedback (
  topic_id bigint not null references topics (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  helpful boolean not null,
  comment text check (comment is null or char_length(comment) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (topic_id, member_id)
);
create index article_feedback_comments_idx on article_feedback (topic_id, updated_at) where comment is not null;

create table announcements (
  id bigint generated always as identity primary key,
  title text not null check (char_length(title) between 1 and 200),
  body text not null,
  html text not null,
  audience text not null default 'everyone' check (audience in ('everyone', 'members')),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  created_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at is null or ends_at > starts_at)
);
create index announcements_window_idx on announcements (starts_at, ends_at);

create table announcement_dismissals (
  announcement_id bigint not null references announcements (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  dismissed_at timestamptz not null default now(),
  primary key (announcement_id, member_id)
);
create index announcement_dismissals_member_idx on announcement_dismissals (member_id);

create table scheduled_items (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('topic', 'article', 'announcement')),
  author_id bigint not null references members (id) on delete cascade,
  publish_at timestamptz not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'publishing', 'published', 'failed', 'cancelled')),
  error text,
  topic_id bigint references topics (id) on delete set null,
  announcement_id bigint references announcements (id) on delete set null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index scheduled_items_due_idx on scheduled_items (publish_at) where status = 'pending';
create index scheduled_items_list_idx on scheduled_items (publish_at desc, id desc);
