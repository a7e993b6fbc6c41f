-- Private messages: conversations between members and with groups, their messages, each member's read
-- mark, and notifications that point at a conversation instead of a topic.
-- conversations.last_message_at is written by the application at millisecond precision so that
-- cursors round-trip exactly.

create table conversations (
  id bigint generated always as identity primary key,
  title text not null,
  created_by bigint references members (id) on delete set null,
  -- Messages are numbered 1, 2, 3 … within a conversation; this is the last number handed out.
  message_count integer not null default 0,
  last_message_at timestamptz not null default now(),
  last_author_id bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
create index conversations_created_by_idx on conversations (created_by, created_at);

-- Who takes part. `direct`: invited by name (they see it as long as they have not left). Members who
-- reach it through a group get a row (direct = false) once they read, reply or leave, to keep their
-- read mark; leaving, for them, only takes it out of their inbox and stops notifications.
create table conversation_participants (
  conversation_id bigint not null references conversations (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  direct boolean not null default true,
  last_read_number integer not null default 0 check (last_read_number >= 0),
  left_at timestamptz,
  added_at timestamptz not null default now(),
  primary key (conversation_id, member_id)
);
create index conversation_participants_member_idx on conversation_participants (member_id, conversation_id);

-- Every member of the group, now and later, can read and reply.
create table conversation_groups (
  conversation_id bigint not null references conversations (id) on delete cascade,
  group_id bigint not null references groups (id) on delete cascade,
  primary key (conversation_id, group_id)
);
create index conversation_groups_group_idx on conversation_groups (group_id, conversation_id);

create table messages (
  id bigint generated always as identity primary key,
  conversation_id bigint not null references conversations (id) on delete cascade,
  number integer not null,
  author_id bigint references members (id) on delete set null,
  body text not null,
  -- Sanitized HTML rendered from body on every write, as for posts.
  html text not null,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  search tsvector generated always as (to_tsvector('simple', body)) stored,
  unique (conversation_id, number)
);
create index messages_author_idx on messages (author_id, created_at);
create index messages_search_idx on messages using gin (search);

-- Notifications about a message (type 'message') point at the conversation and its latest message;
-- every other type still points at a topic. The type check keeps its name.
alter table notifications alter column topic_id drop not null;
alter table notifications add column conversation_id bigint references conversations (id) on delete cascade;
alter table notifications add column message_id bigint references messages (id) on delete cascade;
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in ('reply', 'mention', 'reaction', 'watching', 'message'));
alter table notifications add constraint notifications_target_check check (
  (type = 'message' and conversation_id is not null and topic_id is null)
  or (type <> 'message' and topic_id is not null and conversation_id is null)
);
-- One unread message notification per member and conversation: later messages fold into it.
create unique index notifications_unread_message_key on notifications (member_id, conversation_id) where type = 'message' and read_at is null;
