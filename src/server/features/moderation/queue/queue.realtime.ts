// Pushes review queue changes (an item arrived, was claimed, released or decided) to the people who work
// the item: staff, and for an item in a space, the members of the groups that moderate that space.
import type { EventBus } from '../../../platform/events';
import { hasRole } from '../../../platform/http/principal';
import type { RealtimeHub, Viewer } from '../../../platform/realtime/hub';

export function mayWorkItem(viewer: Viewer, moderatorGroups: readonly string[]): boolean {
  return hasRole(viewer.principal, 'moderator') || (viewer.principal !== null && moderatorGroups.some((group) => viewer.groups.includes(group)));
}

export function publishQueueEvents(bus: EventBus, hub: RealtimeHub, moderatorGroupsOf: (spaceId: number) => Promise<readonly string[]>): void {
  bus.on('review.changed', async (event) => {
    const groups = event.spaceId === null ? [] : await moderatorGroupsOf(event.spaceId);
    hub.publish({ type: 'review.changed', data: event, audience: { kind: 'viewers', allows: (viewer) => mayWorkItem(viewer, groups) } });
  });
}
