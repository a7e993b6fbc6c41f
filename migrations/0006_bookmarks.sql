-- Bookmarks on posts, and the pointer a merged topic keeps to the topic its posts went to.
-- created_at is written by the application at millisecond precision so that cursors round-trip.

create table post_bookmarks (
  member_id bigint not null references members (id) on delete cascade,
  post_id bigint not null references posts (id) on delete cascade,
  note text not null default '',
  -- When the member wants to come back to the post; shown with the bookmark.
  remind_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (member_id, post_id)
);
create index post_bookmarks_member_idx on post_bookmarks (member_id, created_at desc, post_id desc);
create index post_bookmarks_post_idx on post_bookmarks (post_id);

-- Staff merged this topic into another: its posts live there now, and this one stays (closed and
-- deleted) so that old links can be sent on.
alter table topics add column merged_into_id bigint references topics (id) on delete set null;
create index topics_merged_into_idx on topics (merged_into_id) where merged_into_id is not null;
