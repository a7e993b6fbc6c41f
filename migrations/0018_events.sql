-- Events and AMAs: an event lives in a space (kind 'events') with its own discussion topic. Members
-- RSVP going, maybe or not going; past capacity they wait in a FIFO waitlist (ordered by a sequence
-- taken under the event's row lock). Reminders go out 24 h and 1 h before the start, each claimed once
-- by setting its sent-at column. An AMA collects questions beforehand; members upvote them and the
-- host answers each in the event's topic.
create table events (
  id bigint generated always as identity primary key,
  space_id bigint not null references spaces (id),
  topic_id bigint references topics (id) on delete set null,
  creator_id bigint not null references members (id),
  title text not null,
  description text not null default '',
  description_html text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  timezone text not null,
  online_url text,
  location text,
  capacity integer check (capacity is null or capacity > 0),
  ama boolean not null default false,
  cancelled_at timestamptz,
  reminded_24h_at timestamptz,
  reminded_1h_at timestamptz,
  -- Bumped on every change, for the iCalendar SEQUENCE.
  sequence integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint events_time_order check (ends_at > starts_at)
);
create index events_space_starts on events (space_id, starts_at, id);
create unique index events_topic on events (topic_id) where topic_id is not null;
create index events_due_reminders on events (starts_at) where cancelled_at is null;

create sequence event_waitlist_seq;

create table event_rsvps (
  event_id bigint not null references events (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  status text not null check (status in ('going', 'maybe', 'not_going', 'waitlisted')),
  -- FIFO order of the waitlist; set when the member joins it, null otherwise.
  waitlist_seq bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (event_id, member_id),
  constraint event_rsvps_waitlist_seq check ((status = 'waitlisted') = (waitlist_seq is not null))
);
create index event_rsvps_waitlist on event_rsvps (event_id, waitlist_seq) where status = 'waitlisted';
create index event_rsvps_member on event_rsvps (member_id);

create table event_questions (
  id bigint generated always as identity primary key,
  event_id bigint not null references events (id) on delete cascade,
  author_id bigint not null references members (id),
  body text not null,
  html text not null,
  vote_count integer not null default 0,
  answered_at timestamptz,
  answered_by bigint references members (id) on delete set null,
  answer_post_id bigint references posts (id) on delete set null,
  created_at timestamptz not null default now()
);
create index event_questions_event on event_questions (event_id, vote_count desc, id);

create table event_question_votes (
  question_id bigint not null references event_questions (id) on delete cascade,
  member_id bigint not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (question_id, member_id)
);
