-- A member may flag a post again once their earlier flag on it was settled and the post was edited since
-- (say, approved, then edited into spam). One open flag per member and post still: the unique index now
-- covers open flags only, and the service refuses a new flag on an unchanged post.
drop index flags_post_key;
create unique index flags_post_key on flags (flagger_id, post_id) where post_id is not null and status = 'open';
