-- Foundation: members and their accounts, identities, sessions, API keys, groups, settings,
-- one-time tokens, the activity spine, the audit log and job progress.

create table members (
  id bigint generated always as identity primary key,
  display_name text not null default '',
  avatar_url text,
  bio text not null default '',
  location text not null default '',
  company text not null default '',
  trust_level smallint not null default 0 check (trust_level between 0 and 4),
  reputation integer not null default 0,
  joined_at timestamptz not null default now(),
  last_seen_at timestamptz,
  deleted_at timestamptz
);

create table accounts (
  member_id bigint primary key references members (id) on delete cascade,
  username text not null,
  email text not null,
  password_hash text not null,
  role text not null default 'member' check (role in ('member', 'moderator', 'admin')),
  email_confirmed_at timestamptz,
  guidelines_version integer,
  guidelines_accepted_at timestamptz,
  suspended_until timestamptz,
  suspension_reason text,
  silenced_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create unique index accounts_username_key on accounts (lower(username));
create unique index accounts_email_key on accounts (lower(email));
create index accounts_staff_idx on accounts (role) where role <> 'member';

create table identities (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  platform text not null,
  external_id text not null,
  handle text,
  email text,
  verified boolean not null default false,
  created_at timestamptz not null default now(),
  unique (platform, external_id)
);
create index identities_member_idx on identities (member_id);

create table sessions (
  id bigint generated always as identity primary key,
  token_hash text not null unique,
  member_id bigint not null references members (id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_member_idx on sessions (member_id);
create index sessions_expiry_idx on sessions (expires_at);

create table api_keys (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  name text not null,
  prefix text not null,
  key_hash text not null unique,
  scope text not null check (scope in ('read', 'write', 'admin')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_member_idx on api_keys (member_id);

create table one_time_tokens (
  id bigint generated always as identity primary key,
  purpose text not null check (purpose in ('setup', 'password_reset', 'email_confirmation')),
  token_hash text not null unique,
  member_id bigint references members (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index one_time_tokens_member_idx on one_time_tokens (member_id, purpose);

-- Built-in groups have computed membership (role, trust level); named groups list their members.
create table groups (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null default '',
  built_in boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index groups_name_key on groups (lower(name));

create table group_members (
  group_id bigint not null references groups (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (group_id, member_id)
);
create index group_members_member_idx on group_members (member_id);

insert into groups (name, description, built_in) values
  ('everyone', 'Everybody, guests included', true),
  ('members', 'Everybody who is signed in', true),
  ('trust_level_0', 'Members at trust level 0 and above', true),
  ('trust_level_1', 'Members at trust level 1 and above', true),
  ('trust_level_2', 'Members at trust level 2 and above', true),
  ('trust_level_3', 'Members at trust level 3 and above', true),
  ('trust_level_4', 'Members at trust level 4', true),
  ('moderators', 'Moderators and admins', true),
  ('admins', 'Admins', true);

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by bigint references members (id) on delete set null
);

-- One thing a member did, on any platform, at a time: the spine of the CRM and of all analytics.
create table activities (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  identity_id bigint references identities (id) on delete set null,
  platform text not null default 'hearth',
  kind text not null,
  occurred_at timestamptz not null default now(),
  space_id bigint,
  topic_id bigint,
  post_id bigint,
  url text,
  weight real not null default 1,
  props jsonb not null default '{}'
);
create index activities_member_time_idx on activities (member_id, occurred_at);
create index activities_time_idx on activities (occurred_at);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint references members (id) on delete set null,
  action text not null,
  target_type text not null,
  target_id text,
  reason text,
  before jsonb,
  after jsonb,
  ip text,
  at timestamptz not null default now()
);
create index audit_log_at_idx on audit_log (at);

create table job_progress (
  job_id text primary key,
  queue text not null,
  percent real not null default 0,
  message text not null default '',
  updated_at timestamptz not null default now()
);
