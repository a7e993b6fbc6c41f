-- Notifications (in-app), notification levels for topics and spaces, and read tracking.
-- created_at is written by the application at millisecond precision so that cursors round-trip.

create table notifications (
  id bigint generated always as identity primary key,
  -- The recipient.
  member_id bigint not null references members (id) on delete cascade,
  type text not null check (type in ('reply', 'mention', 'reaction', 'watching')),
  actor_id bigint references members (id) on delete set null,
  topic_id bigint not null references topics (id) on delete cascade,
  post_id bigint references posts (id) on delete cascade,
  -- Reactions: the latest emoji, and how many reactions this (collapsed) notification stands for.
  emoji text,
  count integer not null default 1,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_member_idx on notifications (member_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (member_id, post_id, type) where read_at is null;

-- How closely a member follows a topic or a space: watching · tracking · normal · muted.
create table topic_notification_levels (
  member_id bigint not null references members (id) on delete cascade,
  topic_id bigint not null references topics (id) on delete cascade,
  level text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
  updated_at timestamptz not null default now(),
  primary key (member_id, topic_id)
);
create index topic_notification_levels_topic_idx on topic_notification_levels (topic_id, level);

create table space_notification_levels (
  member_id bigint not null references members (id) on delete cascade,
  space_id bigint not null references spaces (id) on delete cascade,
  level text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
  updated_at timestamptz not null default now(),
  primary key (member_id, space_id)
);
create index space_notification_levels_space_idx on space_notification_levels (space_id, level);

-- The highest post number a member has read in a topic; it only moves forward.
create table topic_reads (
  member_id bigint not null references members (id) on delete cascade,
  topic_id bigint not null references topics (id) on delete cascade,
  last_read_post_number integer not null check (last_read_post_number >= 0),
  updated_at timestamptz not null default now(),
  primary key (member_id, topic_id)
);
create index topic_reads_topic_idx on topic_reads (topic_id);
