// Knowledge bases (articles with contents, reviews and "was this helpful?"), site-wide announcements
// and scheduled publishing of topics, articles and announcements.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import type { Discussions } from '../../discussions';
import type { SettingsService } from '../../settings';
import { registerAnnouncementRoutes } from '../announcements/announcements.routes';
import { createAnnouncementsService, type AnnouncementsService } from '../announcements/announcements.service';
import { defineSchedulingJobs } from '../scheduling/scheduling.jobs';
import { registerSchedulingRoutes } from '../scheduling/scheduling.routes';
import { createSchedulingService, type SchedulingService } from '../scheduling/scheduling.service';
import { registerArticleRoutes } from './articles.routes';
import { createArticlesService, type ArticlesService } from './articles.service';

export { tableOfContents, needsReview, helpfulShare, sortArticles } from './articles.rules';
export { announcementState, windowProblem } from '../announcements/announcements.rules';
export { payloadProblem, failureText } from '../scheduling/scheduling.rules';
export { scheduleLimits } from '../scheduling/scheduling.schema';

export interface ArticlesProgram {
  articles: ArticlesService;
  announcements: AnnouncementsService;
  scheduling: SchedulingService;
}

/** Builds the three services and defines the minute publishing job. */
export function createArticlesProgram(ctx: AppContext, deps: { settings: Pick<SettingsService, 'get'>; discussions: Discussions }): ArticlesProgram {
  const announcements = createAnnouncementsService(ctx);
  const scheduling = createSchedulingService(ctx, { discussions: deps.discussions, announcements });
  defineSchedulingJobs(ctx, scheduling);
  return { articles: createArticlesService(ctx, deps), announcements, scheduling };
}

export function registerArticlesProgram(app: FastifyInstance, program: ArticlesProgram): void {
  registerArticleRoutes(app, program.articles);
  registerAnnouncementRoutes(app, program.announcements);
  registerSchedulingRoutes(app, program.scheduling);
}
