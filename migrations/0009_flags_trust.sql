-- Flags and trust levels: the days each member came by (trust levels count them), and indexes for
-- reading a post's flags and a member's own flags.

-- One row per member and UTC day on which they were seen. A trigger on members.last_seen_at fills
-- it (the credentials cache touches that column at most every few minutes), so no request path has
-- to know about trust levels.
create table member_visits (
  member_id bigint not null references members (id) on delete cascade,
  day date not null,
  primary key (member_id, day)
);

create function member_visits_record() returns trigger language plpgsql as $$
begin
  insert into member_visits (member_id, day) values (new.id, (new.last_seen_at at time zone 'UTC')::date) on conflict do nothing;
  return null;
end;
$$;
create trigger members_visit after update of last_seen_at on members for each row
  when (new.last_seen_at is not null and new.last_seen_at is distinct from old.last_seen_at)
  execute function member_visits_record();

-- The days before this migration: any day with an activity, a read mark or the last visit.
insert into member_visits (member_id, day)
  select member_id, (occurred_at at time zone 'UTC')::date from activities
  union select member_id, (updated_at at time zone 'UTC')::date from topic_reads
  union select id, (last_seen_at at time zone 'UTC')::date from members where last_seen_at is not null
on conflict do nothing;

create index flags_post_idx on flags (post_id, status) where post_id is not null;
create index flags_flagger_idx on flags (flagger_id, id);
