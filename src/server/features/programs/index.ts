// Community programs on top of discussions: Q&A with accepted answers, reputation and badges; ideas
// boards; bug reports relayed to GitHub; events and AMAs; articles, announcements and scheduled
// publishing; onboarding and invites. Each program lives in its own folder and is composed here.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { Accounts } from '../accounts';
import type { Discussions } from '../discussions';
import type { GroupsService } from '../groups';
import type { MessagesService } from '../messages';
import type { ModerationNotices } from '../moderation';
import type { SettingsService } from '../settings';
// program imports
import { createBugsProgram, registerBugsProgram, type BugsProgram } from './bugs';
import { createEventsProgram, registerEventsProgram, type EventsProgram } from './events';
import { createArticlesProgram, registerArticlesProgram, type ArticlesProgram } from './articles';
import { createOnboarding, registerOnboardingRoutes, type OnboardingService } from './onboarding';
import { createInvitesService, registerInviteRoutes, type InvitesService } from './invites';
import { createIdeasProgram, registerIdeasProgram, type IdeasProgram } from './ideas';
import { createBadgesService, defineBadgeJobs, registerBadgeRoutes, type BadgesService } from './badges';
import { createQaService, defineQaJobs, registerQaRoutes, type QaService } from './qa';

/** Program events shown live to whoever sees the space: idea vote counts, and Q&A votes and acceptance. */
export const LIVE_PROGRAM_EVENTS = ['idea.votesChanged', 'qa.changed'] as const;

/** What the programs build on. */
export interface ProgramDeps {
  settings: SettingsService;
  accounts: Accounts;
  groups: GroupsService;
  discussions: Discussions;
  messages: MessagesService;
  /** In-app notices: pass `type: 'notice'` for program notices (an idea's status, a reminder, a badge). */
  notices: ModerationNotices;
}

export interface Programs {
  // program services
  bugs: BugsProgram;
  events: EventsProgram;
  articles: ArticlesProgram;
  onboarding: OnboardingService;
  invites: InvitesService;
  ideas: IdeasProgram;
  qa: QaService;
  badges: BadgesService;
}

/** Builds every program's service and defines its jobs. Call from createServices, before the job queue starts. */
export function createPrograms(ctx: AppContext, deps: ProgramDeps): Programs {
  // program construction
  const bugs = createBugsProgram(ctx, { discussions: deps.discussions, notices: deps.notices });
  const events = createEventsProgram(ctx, { discussions: deps.discussions, notices: deps.notices });
  const articles = createArticlesProgram(ctx, { settings: deps.settings, discussions: deps.discussions });
  const onboarding = createOnboarding(ctx, { settings: deps.settings, discussions: deps.discussions, messages: deps.messages });
  const invites = createInvitesService(ctx);
  deps.accounts.signup.extend((trx, input, memberId) => invites.redeem(trx, input.inviteCode, memberId));
  const ideas = createIdeasProgram(ctx, { discussions: deps.discussions, notices: deps.notices });
  const badges = createBadgesService(ctx, { notices: deps.notices });
  defineBadgeJobs(ctx, badges);
  const qa = createQaService(ctx, { settings: deps.settings, discussions: deps.discussions, notices: deps.notices, badges });
  defineQaJobs(ctx, qa);
  return {
    // program fields
    bugs,
    events,
    articles,
    onboarding,
    invites,
    ideas,
    qa,
    badges,
  };
}

export function registerPrograms(app: FastifyInstance, programs: Programs): void {
  // program routes
  registerBugsProgram(app, programs.bugs);
  registerEventsProgram(app, programs.events);
  registerArticlesProgram(app, programs.articles);
  registerOnboardingRoutes(app, programs.onboarding);
  registerInviteRoutes(app, programs.invites);
  registerIdeasProgram(app, programs.ideas);
  registerQaRoutes(app, programs.qa);
  registerBadgeRoutes(app, programs.badges);
}
