-- A bookmark's reminder comes due: the member gets a notification of type 'bookmark' pointing at the
-- post, and the reminder is cleared (the bookmark stays). The partial index finds the due ones.
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in ('reply', 'mention', 'quote', 'reaction', 'watching', 'message', 'moderation', 'notice', 'bookmark'));
create index post_bookmarks_remind_idx on post_bookmarks (remind_at) where remind_at is not null;
