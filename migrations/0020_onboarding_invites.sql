-- Onboarding and invites. A member's onboarding state: when the welcome message went out (claimed
-- before sending, so a member gets it once) and when they hid the "start here" card. The checklist
-- itself is computed from the member's data, never stored.
create table member_onboarding (
  member_id bigint primary key references members (id) on delete cascade,
  welcome_sent_at timestamptz,
  welcome_conversation_id bigint references conversations (id) on delete set null,
  dismissed_at timestamptz,
  updated_at timestamptz not null default now()
);

-- Personal invite links. Only a SHA-256 hash of the code is kept (the link is shown once, when it is
-- made); code_hint is its first characters, so the inviter can tell their links apart. max_uses null:
-- any number of sign-ups until it expires or is revoked. uses goes up in the sign-up's transaction
-- with a guarded update (uses < max_uses, not expired, not revoked), so a link is never over-used.
create table invites (
  id bigint generated always as identity primary key,
  inviter_id bigint not null references members (id) on delete cascade,
  code_hash text not null unique,
  code_hint text not null,
  note text not null default '',
  max_uses integer check (max_uses is null or max_uses >= 1),
  uses integer not null default 0 check (uses >= 0 and (max_uses is null or uses <= max_uses)),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
create index invites_inviter_idx on invites (inviter_id, id desc);

-- Who joined through which invite: one row per new member (a member is attributed once).
create table invite_redemptions (
  invite_id bigint not null references invites (id) on delete cascade,
  member_id bigint not null unique references members (id) on delete cascade,
  redeemed_at timestamptz not null default now()
);
create index invite_redemptions_invite_idx on invite_redemptions (invite_id, redeemed_at);
create index invite_redemptions_time_idx on invite_redemptions (redeemed_at);
