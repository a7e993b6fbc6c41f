// Private messages: conversations between members and with groups, their messages, read marks,
// message notifications and realtime events for those who take part.
import type { AppContext } from '../../context';
import type { GroupsService } from '../groups';
import { subscribeMessageNotifications } from './messages.jobs';
import { createMessagesService, type MessagesService } from './messages.service';

export { publishMessageEvents } from './messages.jobs';
export { registerMessageRoutes } from './messages.routes';
export { canReadConversation, readableConversationIds, type ConversationReader } from './messages.store';
export type { MessagesService };

/** Builds the service and subscribes to the message events that create notifications. */
export function createMessages(ctx: AppContext, groups: Pick<GroupsService, 'groupsOf'>): MessagesService {
  subscribeMessageNotifications(ctx);
  return createMessagesService(ctx, groups);
}
