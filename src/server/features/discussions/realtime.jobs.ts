// Pushes discussion events to the realtime hub, each to the connections whose viewer may see the space.
import type { DomainEvents, EventBus, EventName } from '../../platform/events';
import { hasRole } from '../../platform/http/principal';
import type { RealtimeHub, Viewer } from '../../platform/realtime/hub';
import type { Queryable } from '../../platform/db/database';
import { spaceAccess, type SpaceGrant } from './discussions.rules';
import { findSpace, listGrants, type SpaceRow } from './spaces/spaces.store';

const pushed = [
  'topic.created', 'topic.updated', 'topic.deleted', 'topic.moved', 'post.created', 'post.updated', 'post.deleted', 'reaction.added', 'reaction.removed',
  'topic.split', 'topic.merged',
] as const satisfies readonly EventName[];

interface SpaceRule {
  space: SpaceRow;
  grants: SpaceGrant[];
}

/** The space and its parent (a viewer must see both), with their grants; empty when the space is gone. */
async function rulesFor(db: Queryable, spaceId: number): Promise<SpaceRule[]> {
  const rules: SpaceRule[] = [];
  let id: number | null = spaceId;
  while (id !== null && rules.length < 2) {
    const space = await findSpace(db, id);
    if (!space) return [];
    const grants = (await listGrants(db, [space.id])).map((g) => ({ groupName: g.group_name, canSee: g.can_see, canPost: g.can_post, canReply: g.can_reply }));
    rules.push({ space, grants });
    id = space.parent_id;
  }
  return rules;
}

export function mayViewerSee(rules: readonly SpaceRule[], viewer: Viewer): boolean {
  const who = { groups: viewer.groups, isStaff: hasRole(viewer.principal, 'moderator'), signedIn: viewer.principal !== null };
  return rules.length > 0 && rules.every((r) => spaceAccess(r.space, r.grants, who).canSee);
}

/** Events that name a space and go, as they are, to the connections whose viewer may see it. */
type SpaceEventName = { [N in EventName]: DomainEvents[N] extends { spaceId: number } ? N : never }[EventName];

export function publishDiscussionEvents(bus: EventBus, db: Queryable, hub: RealtimeHub): void {
  publishSpaceEvents(bus, db, hub, pushed);
}

/** Pushes each of the events to the viewers who may see its space (programs use this for their own events). */
export function publishSpaceEvents(bus: EventBus, db: Queryable, hub: RealtimeHub, names: readonly SpaceEventName[]): void {
  for (const name of names) {
    bus.on(name, async (event) => {
      const rules = await rulesFor(db, event.spaceId);
      if (rules.length === 0) return;
      hub.publish({ type: name, data: event, audience: { kind: 'viewers', allows: (viewer) => mayViewerSee(rules, viewer) } });
    });
  }
}
