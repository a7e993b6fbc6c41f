-- Community programs: a space has a kind, which decides how its topics behave (questions, ideas,
-- bug reports, events, articles). Program notices to a member (an idea's new status, an event
-- reminder, a linked bug report closed, a badge) are notifications of type 'notice' that carry
-- their own text and link in data, like moderation notices.
alter table spaces add column kind text not null default 'discussion'
  check (kind in ('discussion', 'qa', 'ideas', 'bugs', 'events', 'articles'));

alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in ('reply', 'mention', 'quote', 'reaction', 'watching', 'message', 'moderation', 'notice'));
alter table notifications drop constraint notifications_target_check;
alter table notifications add constraint notifications_target_check check (
  (type = 'message' and conversation_id is not null and topic_id is null)
  or (type in ('moderation', 'notice') and conversation_id is null and data is not null)
  or (type not in ('message', 'moderation', 'notice') and topic_id is not null and conversation_id is null)
);
