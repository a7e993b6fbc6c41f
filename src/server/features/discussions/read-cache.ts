// Hot reads (topic pages, space topic lists, public pages, search, space rights) are answered from a
// per-process cache of rendered answers. An answer is shared by every viewer of one permission class
// (guest, members of the same groups, staff); what differs per member (read position, own reactions)
// is a small overlay cached per member. After-commit events purge entries by tag, and since events
// reach every process (Redis or LISTEN/NOTIFY), every process purges.
import type { AppContext } from '../../context';
import { TaggedCache, type CacheStats } from '../../platform/cache/tagged-cache';
import type { Actor } from '../../platform/http/principal';
import type { SpaceViewer } from './spaces/spaces.service';

export const cacheTags = {
  topic: (id: number) => `topic:${id}`,
  space: (id: number) => `space:${id}`,
  member: (id: number) => `member:${id}`,
  /** Space definitions, counters and rights. */
  spaces: 'spaces',
  /** Anything that search could find. */
  search: 'search',
};

export interface ReadCache {
  get<T>(key: string, tags: readonly string[], compute: () => Promise<T>): Promise<T>;
  /**
   * An answer as sent: the JSON as UTF-8 bytes, cached per member (whose answers carry their own marks) or, for
   * guests, per permission class. Sending the text skips building and serializing the answer again.
   */
  rendered<T>(actor: Actor, guestClass: () => Promise<string>, key: string, tags: readonly string[], compute: () => Promise<T>, serialize: Serialize<T>): Promise<Buffer>;
  stats(): CacheStats;
}

export type Serialize<T> = (value: T) => Buffer;

/** Viewers with the same class see the same topics, posts and rights. */
/** The sorted group list of a (cached) groups array, computed once per array. */
const groupKeys = new WeakMap<readonly string[], string>();

export function viewerClass(viewer: SpaceViewer): string {
  if (viewer.isStaff) return 'staff';
  let groups = groupKeys.get(viewer.groups);
  if (groups === undefined) groupKeys.set(viewer.groups, (groups = [...viewer.groups].sort().join(',')));
  return `${viewer.signedIn ? 'm' : 'g'}:${groups}`;
}

export function createReadCache(ctx: AppContext): ReadCache {
  const cache = new TaggedCache<unknown>(ctx.config.responseCacheEntries);
  const { bus } = ctx;
  const { topic, space, member, spaces, search } = cacheTags;

  bus.on('topic.created', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('topic.updated', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('topic.deleted', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('topic.moved', (e) => cache.purge(topic(e.topicId), space(e.spaceId), space(e.fromSpaceId), spaces, search));
  bus.on('post.created', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('post.updated', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('post.deleted', (e) => cache.purge(topic(e.topicId), space(e.spaceId), spaces, search));
  bus.on('reaction.added', (e) => cache.purge(topic(e.topicId)));
  bus.on('reaction.removed', (e) => cache.purge(topic(e.topicId)));
  bus.on('topic.viewerStateChanged', (e) => cache.purge(member(e.memberId)));
  bus.on('member.credentialsChanged', (e) => cache.purge(member(e.memberId)));
  // Names, rights and settings show up everywhere: start afresh.
  bus.on('space.created', () => cache.clear());
  bus.on('space.updated', () => cache.clear());
  bus.on('member.updated', () => cache.clear());
  bus.on('settings.updated', () => cache.clear());
  bus.on('group.membersChanged', () => cache.clear());

  async function get<T>(key: string, tags: readonly string[], compute: () => Promise<T>): Promise<T> {
    return (await cache.get(key, tags, compute)).value as T;
  }

  return {
    get,
    async rendered(actor, guestClass, key, tags, compute, serialize) {
      const who = actor ? `m${actor.memberId}` : await guestClass();
      const allTags = actor ? [...tags, member(actor.memberId)] : tags;
      return get(`json:${who}:${key}`, allTags, async () => serialize(await compute()));
    },
    stats: () => cache.stats(),
  };
}
