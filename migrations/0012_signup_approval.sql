-- Sign-ups that need a moderator's approval (the approveSignups setting, off by default): the
-- account exists but cannot sign in until a moderator approves it in the review queue.
alter table accounts add column approval_pending boolean not null default false;
