-- Email preferences: the activity-summary digest (never, daily or weekly) and notification emails
-- while away. A member without a row has the defaults (weekly digests, notification emails on).

create table email_preferences (
  member_id bigint primary key references members (id) on delete cascade,
  digest_frequency text not null default 'weekly' check (digest_frequency in ('never', 'daily', 'weekly')),
  -- Email about mentions, replies and messages when the member is away.
  notify_when_away boolean not null default true,
  -- When the last digest was claimed for sending; the next one covers what happened since.
  last_digest_at timestamptz,
  updated_at timestamptz not null default now()
);
create index email_preferences_digest_idx on email_preferences (digest_frequency, last_digest_at);
