-- Moderation: classifier scores on posts, held and hidden posts, flags, the review queue, automod
-- rules, sanctions and bans, appeals, mediation, slow mode, trained classifier models, and an
-- append-only audit log.

-- A post that moderation keeps from others is soft-deleted (so every read path already leaves it
-- out) and says why: held (automod, a classifier or first-post review, awaiting a decision), hidden
-- (flags crossed the threshold) or rejected (a moderator removed it).
alter table posts add column moderation_state text check (moderation_state in ('held', 'hidden', 'rejected'));
alter table topics add column moderation_state text check (moderation_state in ('held', 'hidden', 'rejected'));
alter table topics add column slow_mode_seconds integer not null default 0 check (slow_mode_seconds between 0 and 86400);

-- What the classifiers said about a post when it was written, and which model versions said it.
create table post_scores (
  post_id bigint primary key references posts (id) on delete cascade,
  spam real not null,
  hate real not null,
  offensive real not null,
  spam_version text not null,
  abuse_version text not null,
  scored_at timestamptz not null default now()
);

create table automod_rules (
  id bigint generated always as identity primary key,
  name text not null,
  enabled boolean not null default false,
  position integer not null,
  -- conditions, actions, message and guideline, as the API takes them
  definition jsonb not null,
  hits bigint not null default 0,
  last_hit_at timestamptz,
  created_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index automod_rules_position_idx on automod_rules (position, id);

-- One item per thing awaiting a moderator: a flagged, held or first post, a flagged member, a sign-up.
create table review_items (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('flagged_post', 'held_post', 'first_post', 'flagged_member', 'signup')),
  post_id bigint references posts (id) on delete cascade,
  -- the member the item is about: the post's author, the flagged member or the new account
  member_id bigint not null references members (id) on delete cascade,
  space_id bigint references spaces (id) on delete set null,
  -- why it is here: {source: 'automod'|'classifier'|'flags'|'first_post'|'signup', rule…, evidence…}
  reason jsonb not null default '{}',
  score real not null default 0,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'dismissed')),
  claimed_by bigint references members (id) on delete set null,
  claimed_at timestamptz,
  resolved_by bigint references members (id) on delete set null,
  resolved_at timestamptz,
  resolution text,
  resolution_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index review_items_pending_post_key on review_items (post_id) where status = 'pending' and post_id is not null;
create unique index review_items_pending_member_key on review_items (kind, member_id) where status = 'pending' and post_id is null;
create index review_items_queue_idx on review_items (status, created_at, id);
create index review_items_member_idx on review_items (member_id, created_at);

create table flags (
  id bigint generated always as identity primary key,
  post_id bigint references posts (id) on delete cascade,
  target_member_id bigint not null references members (id) on delete cascade,
  flagger_id bigint not null references members (id) on delete cascade,
  reason text not null check (reason in ('spam', 'harassment', 'off_topic', 'inappropriate', 'other')),
  message text,
  weight real not null,
  review_item_id bigint references review_items (id) on delete set null,
  status text not null default 'open' check (status in ('open', 'agreed', 'disagreed', 'ignored')),
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
-- One member's repeated flags count once: one flag per post, one open flag per member.
create unique index flags_post_key on flags (flagger_id, post_id) where post_id is not null;
create unique index flags_member_key on flags (flagger_id, target_member_id) where post_id is null and status = 'open';
create index flags_target_idx on flags (target_member_id, created_at);
create index flags_item_idx on flags (review_item_id);

create table sanctions (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  kind text not null check (kind in ('warning', 'silence', 'suspension', 'ban')),
  reason text not null,
  guideline text,
  message text,
  starts_at timestamptz not null default now(),
  ends_at timestamptz not null,
  created_by bigint references members (id) on delete set null,
  review_item_id bigint references review_items (id) on delete set null,
  post_id bigint references posts (id) on delete set null,
  lifted_at timestamptz,
  lifted_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
create index sanctions_member_idx on sanctions (member_id, created_at);

-- A ban blocks the member's email and the IP addresses they used, until it ends.
create table banned_addresses (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('email', 'ip')),
  value text not null,
  sanction_id bigint not null references sanctions (id) on delete cascade,
  ends_at timestamptz not null
);
create index banned_addresses_value_idx on banned_addresses (kind, lower(value));

create table appeals (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  sanction_id bigint references sanctions (id) on delete cascade,
  review_item_id bigint references review_items (id) on delete cascade,
  body text not null,
  -- the moderator whose action is appealed (they may not decide it)
  acted_by bigint references members (id) on delete set null,
  status text not null default 'pending' check (status in ('pending', 'upheld', 'overturned', 'reduced')),
  decided_by bigint references members (id) on delete set null,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null default now(),
  check ((sanction_id is null) <> (review_item_id is null))
);
create unique index appeals_sanction_key on appeals (sanction_id) where sanction_id is not null;
create unique index appeals_item_key on appeals (review_item_id) where review_item_id is not null;
create index appeals_status_idx on appeals (status, created_at);

create table mediations (
  id bigint generated always as identity primary key,
  member_a bigint not null references members (id) on delete cascade,
  member_b bigint not null references members (id) on delete cascade,
  moderator_id bigint references members (id) on delete set null,
  conversation_id bigint references conversations (id) on delete set null,
  status text not null default 'open' check (status in ('open', 'closed')),
  cooldown_until timestamptz,
  outcome text,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (member_a < member_b)
);
create index mediations_pair_idx on mediations (member_a, member_b);

-- Classifier models retrained from this community's decisions; the newest of each kind is used.
create table classifier_models (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('spam', 'abuse')),
  version text not null unique,
  model jsonb not null,
  examples integer not null,
  community_examples integer not null,
  trained_at timestamptz not null default now()
);

-- What moderators decided about scored posts: the labels retraining learns from, with the model
-- versions that scored the post.
create table moderation_labels (
  id bigint generated always as identity primary key,
  post_id bigint references posts (id) on delete set null,
  text text not null,
  kind text not null check (kind in ('spam', 'abuse')),
  label text not null,
  model_version text,
  decided_by bigint references members (id) on delete set null,
  decided_at timestamptz not null default now()
);
create index moderation_labels_kind_idx on moderation_labels (kind, decided_at);

-- Private notes moderators keep about a member.
create table member_notes (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id) on delete cascade,
  author_id bigint references members (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);
create index member_notes_member_idx on member_notes (member_id, created_at);

-- Trust level 4 is granted by hand and never recomputed away.
alter table members add column trust_level_locked boolean not null default false;

-- The audit log is append-only: no update or delete, except the foreign key clearing a deleted actor.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.actor_id is not null and new.actor_id is null
     and (new.id, new.action, new.target_type, new.target_id, new.reason, new.before, new.after, new.ip, new.at)
         is not distinct from (old.id, old.action, old.target_type, old.target_id, old.reason, old.before, old.after, old.ip, old.at) then
    return new;
  end if;
  raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_append_only();
create function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_no_truncate();
create index audit_log_target_idx on audit_log (target_type, target_id);
create index audit_log_actor_idx on audit_log (actor_id, at);

-- Moderation notices to a member (a held post, a sanction, an appeal's decision, a flag's outcome, a
-- new trust level) carry their own text and link in data; they may point at a topic and post or not.
alter table notifications add column data jsonb;
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in ('reply', 'mention', 'quote', 'reaction', 'watching', 'message', 'moderation'));
alter table notifications drop constraint notifications_target_check;
alter table notifications add constraint notifications_target_check check (
  (type = 'message' and conversation_id is not null and topic_id is null)
  or (type = 'moderation' and conversation_id is null and data is not null)
  or (type not in ('message', 'moderation') and topic_id is not null and conversation_id is null)
);
