// Discussions: spaces, topics, posts and reactions; split and merge, bookmarks, tags, a member's posts.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { SendHtmlPage } from '../../platform/http/web';
import type { GroupsService } from '../groups';
import { registerBookmarkRoutes } from './bookmarks/bookmarks.routes';
import { createBookmarksService, type BookmarksService } from './bookmarks/bookmarks.service';
import { registerFeedRoutes } from './feeds/feeds.routes';
import { createFeedsService, type FeedsService } from './feeds/feeds.service';
import { registerMemberPostRoutes } from './member-posts/member-posts.routes';
import { createMemberPostsService, type MemberPostsService } from './member-posts/member-posts.service';
import { registerPageRoutes } from './pages/pages.routes';
import { createPagesService, type PagesService } from './pages/pages.service';
import { registerPostRoutes } from './posts/posts.routes';
import { openGate, type PostGate } from './post-gate';
import { createPostsService, type PostsService } from './posts/posts.service';
import { createReadCache, type ReadCache } from './read-cache';
import { registerSearchRoutes } from './search/search.routes';
import { createSearchService, type SearchService } from './search/search.service';
import { registerSpaceRoutes } from './spaces/spaces.routes';
import { createSpacesService, type SpacesService } from './spaces/spaces.service';
import { registerSplitMergeRoutes } from './split-merge/split-merge.routes';
import { createSplitMergeService, type SplitMergeService } from './split-merge/split-merge.service';
import { registerTagRoutes } from './tags/tags.routes';
import { createTagsService, type TagsService } from './tags/tags.service';
import { registerTopicRoutes } from './topics/topics.routes';
import { createTopicsService, type TopicsService } from './topics/topics.service';

export { renderMarkdown } from './markdown';
export { REACTIONS, limits as discussionLimits } from './discussions.rules';
export { publishDiscussionEvents, publishSpaceEvents } from './realtime.jobs';
export { HeldPostView } from './posts/posts.schema';
export type { HeldPost } from './post-gate';

export interface Discussions {
  spaces: SpacesService;
  topics: TopicsService;
  posts: PostsService;
  search: SearchService;
  feeds: FeedsService;
  pages: PagesService;
  cache: ReadCache;
  splitMerge: SplitMergeService;
  bookmarks: BookmarksService;
  tags: TagsService;
  memberPosts: MemberPostsService;
}

/** `gate` checks every new topic and reply (moderation supplies it; tools may leave it open). */
export function createDiscussions(ctx: AppContext, groups: Pick<GroupsService, 'groupsOf'>, gate: PostGate = openGate): Discussions {
  const cache = createReadCache(ctx);
  const spaces = createSpacesService(ctx, groups, cache);
  const topics = createTopicsService(ctx, spaces, cache, gate);
  return {
    spaces,
    topics,
    posts: createPostsService(ctx, topics, gate),
    search: createSearchService(ctx, spaces, cache),
    feeds: createFeedsService(ctx, spaces),
    pages: createPagesService(ctx, spaces, topics, cache),
    cache,
    splitMerge: createSplitMergeService(ctx, topics),
    bookmarks: createBookmarksService(ctx, spaces, topics),
    tags: createTagsService(ctx, spaces),
    memberPosts: createMemberPostsService(ctx, spaces),
  };
}

/** Route options that come from the configuration. */
export interface DiscussionRouteOptions {
  /** New topics and replies per member per minute. */
  postsPerMinute: number;
}

export function registerDiscussions(app: FastifyInstance, discussions: Discussions, options: DiscussionRouteOptions): void {
  registerSpaceRoutes(app, discussions.spaces);
  registerTopicRoutes(app, discussions.topics, options.postsPerMinute);
  registerPostRoutes(app, discussions.posts, options.postsPerMinute);
  registerSearchRoutes(app, discussions.search);
  registerFeedRoutes(app, discussions.feeds);
  registerSplitMergeRoutes(app, discussions.splitMerge);
  registerBookmarkRoutes(app, discussions.bookmarks);
  registerTagRoutes(app, discussions.tags);
  registerMemberPostRoutes(app, discussions.memberPosts);
}

/** The server-rendered /t/… and /s/… pages; registered before the web app so they win over its fallback. */
export function registerPublicPages(app: FastifyInstance, discussions: Discussions, sendPage: SendHtmlPage): void {
  registerPageRoutes(app, discussions.pages, sendPage);
}
