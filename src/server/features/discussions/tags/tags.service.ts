// Tags: the tags in use on the topics a viewer may see. A tag's topics are GET /api/topics?tag= (feeds).
import type { AppContext } from '../../../context';
import type { Actor } from '../../../platform/http/principal';
import type { SpacesService } from '../spaces/spaces.service';
import { tagLimits, type TagList, type TagListQuery } from './tags.schema';
import { tagCounts } from './tags.store';

export function createTagsService(ctx: AppContext, spaces: SpacesService) {
  const db = ctx.database.db;

  return {
    async list(actor: Actor, query: TagListQuery): Promise<TagList> {
      const spaceIds = await spaces.visibleSpaceIds(await spaces.viewerOf(actor));
      const rows = await tagCounts(db, { spaceIds, prefix: query.q?.trim().toLowerCase() || undefined, limit: query.limit ?? tagLimits.pageDefault });
      return { items: rows.map((r) => ({ tag: r.tag, topicCount: r.topic_count })) };
    },
  };
}

export type TagsService = ReturnType<typeof createTagsService>;
