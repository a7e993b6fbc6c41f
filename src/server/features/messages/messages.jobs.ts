// Subscribers: a new message notifies everybody else who takes part (after commit), and message events
// reach, over realtime, only the connections of those who take part. Notifications are made from this
// process's events only, so that several processes on one database do not notify twice.
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/database';
import type { EventBus, EventName } from '../../platform/events';
import type { RealtimeHub, Viewer } from '../../platform/realtime/hub';
import { upsertMessageNotifications } from '../notifications';
import { recipientsOfMessage } from './messages.rules';
import { audienceOf, liveMemberIds } from './messages.store';

export function subscribeMessageNotifications(ctx: AppContext): void {
  const db = ctx.database.db;
  ctx.bus.on('message.created', async (e, meta) => {
    if (meta.remote) return;
    const audience = await audienceOf(db, e.conversationId);
    const memberIds = await liveMemberIds(db, recipientsOfMessage({ authorId: e.authorId, ...audience }));
    const rows = await upsertMessageNotifications(db, { memberIds, actorId: e.authorId, conversationId: e.conversationId, messageId: e.messageId, at: new Date() });
    for (const row of rows) await ctx.bus.emit('notification.created', { memberId: row.member_id, notificationId: row.id });
  });
}

const pushed = ['message.created', 'message.updated', 'message.deleted'] as const satisfies readonly EventName[];

/** Invited members who did not leave, and members of the conversation's groups who did not leave. */
export function takesPart(audience: { direct: readonly number[]; left: readonly number[]; groupNames: readonly string[] }, viewer: Viewer): boolean {
  const memberId = viewer.principal?.memberId;
  if (memberId === undefined || audience.left.includes(memberId)) return false;
  return audience.direct.includes(memberId) || viewer.groups.some((g) => audience.groupNames.includes(g));
}

export function publishMessageEvents(bus: EventBus, db: Queryable, hub: RealtimeHub): void {
  for (const name of pushed) {
    bus.on(name, async (event) => {
      const audience = await audienceOf(db, event.conversationId);
      hub.publish({ type: name, data: event, audience: { kind: 'viewers', allows: (viewer) => takesPart(audience, viewer) } });
    });
  }
}
