-- Quoting a post notifies its author: a notification type of its own.
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in ('reply', 'mention', 'quote', 'reaction', 'watching', 'message'));
