// A member's recent posts (or topics they started) for their profile, as far as the viewer may see them.
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, type Actor } from '../../../platform/http/principal';
import { presentExcerpt } from '../posts/excerpts.presenter';
import type { SpacesService } from '../spaces/spaces.service';
import type { MemberPostPage, MemberPostsQuery } from './member-posts.schema';
import { listMemberPosts, memberIdByUsername } from './member-posts.store';

export function createMemberPostsService(ctx: AppContext, spaces: SpacesService) {
  const db = ctx.database.db;

  return {
    async list(actor: Actor, username: string, query: MemberPostsQuery): Promise<MemberPostPage> {
      const memberId = await memberIdByUsername(db, username);
      if (memberId === undefined) throw notFound(`No member named ${username}`);
      const limit = query.limit ?? 20;
      const after = decodeTimeCursor(query.cursor);
      const spaceIds = await spaces.visibleSpaceIds(await spaces.viewerOf(actor));
      const rows = await listMemberPosts(db, { memberId, spaceIds, onlyTopics: query.type === 'topics', includeUnlisted: hasRole(actor, 'moderator'), limit, after });
      const page = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
      return { items: page.items.map(presentExcerpt), nextCursor: page.nextCursor };
    },
  };
}

export type MemberPostsService = ReturnType<typeof createMemberPostsService>;
