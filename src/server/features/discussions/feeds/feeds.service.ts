// Feeds: latest, top and (for members) new topics across the spaces the viewer may see, and Atom for public spaces.
import type { AppContext } from '../../../context';
import { invalid } from '../../../platform/errors';
import { decodeCursor, decodeTimeCursor, encodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, type Actor } from '../../../platform/http/principal';
import { topicViewerStates } from '../../notifications';
import type { SpacesService } from '../spaces/spaces.service';
import { presentTopic } from '../topics/topics.presenter';
import type { TopicPage } from '../topics/topics.schema';
import { atomXml, newTopicsSince, periodStart, type AtomEntry } from './feeds.rules';
import type { FeedQuery } from './feeds.schema';
import { atomEntries, latestTopics, memberJoinedAt, newTopics, topTopics } from './feeds.store';

const ATOM_ENTRIES = 30;
const GUEST = null;

export function createFeedsService(ctx: AppContext, spaces: SpacesService) {
  const db = ctx.database.db;
  const base = ctx.config.publicUrl;

  async function spaceIdsFor(actor: Actor, space: number | undefined): Promise<number[]> {
    const visible = await spaces.visibleSpaceIds(await spaces.viewerOf(actor));
    return space === undefined ? visible : visible.filter((id) => id === space);
  }

  async function latest(actor: Actor, query: FeedQuery): Promise<TopicPage> {
    const limit = query.limit ?? 20;
    const cursor = decodeTimeCursor(query.cursor);
    const after = cursor && { lastPostedAt: cursor.at, id: cursor.id };
    const rows = await latestTopics(db, { spaceIds: await spaceIdsFor(actor, query.space), tag: query.tag?.toLowerCase(), limit }, after);
    const page = pageOf(rows, limit, (r) => [r.last_posted_at.toISOString(), r.id]);
    return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
  }

  /** Ranked, so paged by position: the cursor carries the offset of the next page. */
  async function top(actor: Actor, query: FeedQuery): Promise<TopicPage> {
    const limit = query.limit ?? 20;
    const offset = Number(decodeCursor(query.cursor, ['number'])?.[0] ?? 0);
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) throw invalid('cursor', 'cursor is not valid');
    const since = periodStart(query.period ?? 'week', new Date());
    const rows = await topTopics(db, { spaceIds: await spaceIdsFor(actor, query.space), tag: query.tag?.toLowerCase(), limit }, since, offset);
    return { items: rows.slice(0, limit).map(presentTopic), nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null };
  }

  /**
   * Members only: topics by others created since they joined (at most NEW_TOPIC_DAYS back) that they
   * never opened and did not mute, newest first, with the viewer's read state like a space's listing.
   */
  async function fresh(actor: Actor, query: FeedQuery): Promise<TopicPage> {
    const member = requireMember(actor);
    const limit = query.limit ?? 20;
    const cursor = decodeTimeCursor(query.cursor);
    const after = cursor && { createdAt: cursor.at, id: cursor.id };
    const joinedAt = await memberJoinedAt(db, member.memberId);
    if (!joinedAt) return { items: [], nextCursor: null };
    const filters = { spaceIds: await spaceIdsFor(actor, query.space), tag: query.tag?.toLowerCase(), limit, includeUnlisted: hasRole(actor, 'moderator') };
    const rows = await newTopics(db, filters, member.memberId, newTopicsSince(joinedAt, new Date()), after);
    const page = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
    const states = await topicViewerStates(db, member.memberId, page.items.map((r) => r.id));
    return { items: page.items.map((r) => ({ ...presentTopic(r), ...states.get(r.id) })), nextCursor: page.nextCursor };
  }

  async function atom(spaceIds: number[], meta: { id: string; title: string; subtitle: string; link: string; self: string }): Promise<string> {
    const rows = await atomEntries(db, spaceIds, ATOM_ENTRIES);
    const entries: AtomEntry[] = rows.map((r) => ({
      id: `${base}/t/${r.slug}/${r.id}`,
      title: r.title,
      link: `${base}/t/${r.slug}/${r.id}`,
      author: r.display_name,
      published: r.created_at,
      updated: r.updated_at,
      categories: r.tags,
      html: r.post_deleted_at === null ? r.html : '',
    }));
    const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
    return atomXml({ ...meta, updated, entries });
  }

  return {
    topics(actor: Actor, query: FeedQuery): Promise<TopicPage> {
      if (query.feed === 'top') return top(actor, query);
      if (query.feed === 'new') return fresh(actor, query);
      return latest(actor, query);
    },

    /** Latest topics of every space a guest may see. */
    async siteAtom(): Promise<string> {
      return atom(await spaceIdsFor(GUEST, undefined), { id: `${base}/`, title: 'Latest topics', subtitle: 'Latest topics in public spaces', link: `${base}/`, self: `${base}/api/feed.atom` });
    },

    /** Latest topics of one space; 404 unless a guest may see it (feed readers carry no session). */
    async spaceAtom(spaceId: number): Promise<string> {
      const { space } = await spaces.visible(GUEST, spaceId);
      const link = `${base}/s/${space.slug}/${space.id}`;
      return atom([space.id], { id: link, title: space.name, subtitle: space.description, link, self: `${base}/api/spaces/${space.id}/feed.atom` });
    },
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
