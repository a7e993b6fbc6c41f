-- Space moderators: a group granted can_moderate in a space works that space's items in the review
-- queue (approve, reject, hide, delete, edit, dismiss), without staff powers elsewhere.
alter table space_permissions add column can_moderate boolean not null default false;
