// Search: ranked full-text hits in topics and posts the viewer may see, with highlighted snippets.
import type { AppContext } from '../../../context';
import { invalid } from '../../../platform/errors';
import type { Actor } from '../../../platform/http/principal';
import { cacheTags, viewerClass, type ReadCache, type Serialize } from '../read-cache';
import type { SpacesService, SpaceViewer } from '../spaces/spaces.service';
import { parseDateBound, snippetHtml } from './search.rules';
import type { SearchPage, SearchQuery } from './search.schema';
import { searchDiscussions } from './search.store';

function dateBound(field: 'after' | 'before', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = parseDateBound(value);
  if (!date) throw invalid(field, `${field} is not a valid date`);
  return date;
}

export function createSearchService(ctx: AppContext, spaces: SpacesService, cache: ReadCache) {
  const db = ctx.database.db;

  const keyOf = (q: string, query: SearchQuery): string => JSON.stringify([q, query.type, query.space, query.tag, query.author, query.after, query.before, query.status, query.limit, query.offset]);

  return {
    /**
     * Results do not differ per member: the answer is cached, as sent, per query and permission class
     * until anything searchable changes.
     */
    async rendered(actor: Actor, query: SearchQuery, serialize: Serialize<SearchPage>, rawQuery?: string): Promise<Buffer> {
      const q = query.q.trim();
      if (q.length === 0) throw invalid('q', 'q needs at least one word');
      const viewer = await spaces.viewerOf(actor);
      // The query string as sent names the answer as well as the parsed fields do (it was validated), and costs nothing to build.
      const key = rawQuery ?? keyOf(q, query);
      return cache.get(`json:search:${viewerClass(viewer)}:${key}`, [cacheTags.search, cacheTags.spaces], async () => serialize(await run(viewer, q, query)));
    },
  };

  async function run(viewer: SpaceViewer, q: string, query: SearchQuery): Promise<SearchPage> {
    const after = dateBound('after', query.after);
    const before = dateBound('before', query.before);
    const visible = await spaces.visibleSpaceIds(viewer);
    const spaceIds = query.space === undefined ? visible : visible.filter((id) => id === query.space);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const rows = await searchDiscussions(db, {
      q,
      types: query.type ? [query.type] : ['topic', 'post'],
      spaceIds,
      tag: query.tag?.trim().toLowerCase(),
      author: query.author,
      after,
      before,
      status: query.status,
      limit,
      offset,
    });
    const items = rows.slice(0, limit).map((r) => ({
      type: r.type,
      topicId: r.topic_id,
      postId: r.post_id,
      postNumber: r.post_number,
      spaceId: r.space_id,
      title: r.title,
      tags: r.tags,
      author: { id: r.author_id, username: r.username, displayName: r.display_name },
      snippet: snippetHtml(r.snippet),
      rank: r.rank,
      createdAt: new Date(r.created_at).toISOString(),
    }));
    return { items, nextOffset: rows.length > limit ? offset + limit : null };
  }
}

export type SearchService = ReturnType<typeof createSearchService>;
