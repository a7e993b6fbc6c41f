-- Discussions: spaces (with group permissions), topics, posts with their revisions, and reactions.
-- Timestamps used for keyset paging (topics.last_posted_at) are written by the application at
-- millisecond precision so that cursors round-trip exactly.

create table spaces (
  id bigint generated always as identity primary key,
  -- One level of nesting; the service refuses a parent that has a parent itself.
  parent_id bigint references spaces (id),
  name text not null,
  slug text not null,
  description text not null default '',
  color text not null default '#6b7280' check (color ~ '^#[0-9a-fA-F]{6}$'),
  position integer not null default 0,
  visibility text not null default 'public' check (visibility in ('public', 'private')),
  topic_count integer not null default 0,
  post_count integer not null default 0,
  last_posted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index spaces_slug_key on spaces (lower(slug));
create index spaces_parent_idx on spaces (parent_id, position);

-- Rights a group has in a space. A public space with no rows: everyone sees, members post and reply.
-- A private space with no rows: staff only.
create table space_permissions (
  space_id bigint not null references spaces (id) on delete cascade,
  group_id bigint not null references groups (id) on delete cascade,
  can_see boolean not null default true,
  can_post boolean not null default false,
  can_reply boolean not null default false,
  primary key (space_id, group_id)
);
create index space_permissions_group_idx on space_permissions (group_id);

create table topics (
  id bigint generated always as identity primary key,
  space_id bigint not null references spaces (id),
  author_id bigint not null references members (id),
  title text not null,
  slug text not null,
  tags text[] not null default '{}',
  pinned boolean not null default false,
  locked boolean not null default false,
  closed boolean not null default false,
  unlisted boolean not null default false,
  deleted_at timestamptz,
  deleted_by bigint references members (id) on delete set null,
  -- Posts are numbered 1, 2, 3 … within a topic; this is the last number handed out.
  last_post_number integer not null default 0,
  reply_count integer not null default 0,
  last_posted_at timestamptz not null default now(),
  last_poster_id bigint references members (id) on delete set null,
  view_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (setweight(to_tsvector('simple', title), 'A')) stored
);
create index topics_space_list_idx on topics (space_id, pinned desc, last_posted_at desc, id desc) where deleted_at is null;
create index topics_author_idx on topics (author_id, created_at);
create index topics_created_idx on topics (created_at);
create index topics_tags_idx on topics using gin (tags);
create index topics_search_idx on topics using gin (search);

create table posts (
  id bigint generated always as identity primary key,
  topic_id bigint not null references topics (id) on delete cascade,
  author_id bigint not null references members (id),
  post_number integer not null,
  reply_to_post_id bigint references posts (id) on delete set null,
  body text not null,
  -- Sanitized HTML rendered from body on every write.
  html text not null,
  revision integer not null default 1,
  edited_at timestamptz,
  deleted_at timestamptz,
  deleted_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (to_tsvector('simple', body)) stored,
  unique (topic_id, post_number)
);
create index posts_author_idx on posts (author_id, created_at);
create index posts_created_idx on posts (created_at);
create index posts_reply_to_idx on posts (reply_to_post_id) where reply_to_post_id is not null;
create index posts_search_idx on posts using gin (search);

-- Earlier bodies of a post: revision n holds the body as it was at revision n.
create table post_revisions (
  post_id bigint not null references posts (id) on delete cascade,
  revision integer not null,
  body text not null,
  editor_id bigint references members (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (post_id, revision)
);

create table post_reactions (
  post_id bigint not null references posts (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  emoji text not null,
  created_at timestamptz not null default now(),
  primary key (post_id, member_id, emoji)
);
create index post_reactions_member_idx on post_reactions (member_id, created_at);

create index activities_topic_idx on activities (topic_id, occurred_at) where topic_id is not null;
create index activities_space_idx on activities (space_id, occurred_at) where space_id is not null;
