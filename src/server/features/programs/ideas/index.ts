// Ideas boards: votes on ideas, staff statuses with public comments, merges of duplicates, a roadmap.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import type { Discussions } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import { createIdeaStatusService, type IdeaStatusService } from './ideas-status.service';
import { registerIdeaRoutes } from './ideas.routes';
import { createIdeaAccess, createIdeasService, type IdeasService } from './ideas.service';

export { trendingScore, trendingWeight, trending, decideStatus, noticeRecipients, IDEA_STATUSES, ROADMAP_STATUSES } from './ideas.rules';

export interface IdeasProgram {
  ideas: IdeasService;
  status: IdeaStatusService;
}

export function createIdeasProgram(ctx: AppContext, deps: { discussions: Discussions; notices: ModerationNotices }): IdeasProgram {
  const access = createIdeaAccess({ discussions: deps.discussions });
  const ideas = createIdeasService(ctx, access);
  return { ideas, status: createIdeaStatusService(ctx, { access, ideas, notices: deps.notices, spaces: deps.discussions.spaces }) };
}

export function registerIdeasProgram(app: FastifyInstance, program: IdeasProgram): void {
  registerIdeaRoutes(app, program.ideas, program.status);
}
