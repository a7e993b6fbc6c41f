// Discussions: spaces, topics, posts and reactions.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { SendHtmlPage } from '../../platform/http/web';
import type { GroupsService } from '../groups';
import { registerFeedRoutes } from './feeds/feeds.routes';
import { createFeedsService, type FeedsService } from './feeds/feeds.service';
import { registerPageRoutes } from './pages/pages.routes';
import { createPagesService, type PagesService } from './pages/pages.service';
import { registerPostRoutes } from './posts/posts.routes';
import { createPostsService, type PostsService } from './posts/posts.service';
import { registerSearchRoutes } from './search/search.routes';
import { createSearchService, type SearchService } from './search/search.service';
import { registerSpaceRoutes } from './spaces/spaces.routes';
import { createSpacesService, type SpacesService } from './spaces/spaces.service';
import { registerTopicRoutes } from './topics/topics.routes';
import { createTopicsService, type TopicsService } from './topics/topics.service';

export { renderMarkdown } from './markdown';
export { REACTIONS, limits as discussionLimits } from './discussions.rules';
export { publishDiscussionEvents } from './realtime.jobs';

export interface Discussions {
  spaces: SpacesService;
  topics: TopicsService;
  posts: PostsService;
  search: SearchService;
  feeds: FeedsService;
  pages: PagesService;
}

export function createDiscussions(ctx: AppContext, groups: Pick<GroupsService, 'groupsOf'>): Discussions {
  const spaces = createSpacesService(ctx, groups);
  const topics = createTopicsService(ctx, spaces);
  return {
    spaces,
    topics,
    posts: createPostsService(ctx, topics),
    search: createSearchService(ctx, spaces),
    feeds: createFeedsService(ctx, spaces),
    pages: createPagesService(ctx, spaces, topics),
  };
}

export function registerDiscussions(app: FastifyInstance, discussions: Discussions): void {
  registerSpaceRoutes(app, discussions.spaces);
  registerTopicRoutes(app, discussions.topics);
  registerPostRoutes(app, discussions.posts);
  registerSearchRoutes(app, discussions.search);
  registerFeedRoutes(app, discussions.feeds);
}

/** The server-rendered /t/… and /s/… pages; registered before the web app so they win over its fallback. */
export function registerPublicPages(app: FastifyInstance, discussions: Discussions, sendPage: SendHtmlPage): void {
  registerPageRoutes(app, discussions.pages, sendPage);
}
