-- Mediation and audit search: the topic a mediation is about, at most one open mediation per pair,
-- and an index for the transparency page's monthly counts.

alter table mediations add column topic_id bigint references topics (id) on delete set null;

-- Two moderators opening a mediation for the same pair at once: the second gets a conflict.
create unique index mediations_open_pair_key on mediations (member_a, member_b) where status = 'open';

-- Pairs in a cool-down, read by the post gate and the suggestions.
create index mediations_cooldown_idx on mediations (cooldown_until) where cooldown_until is not null;

create index audit_log_action_at_idx on audit_log (action, at);
