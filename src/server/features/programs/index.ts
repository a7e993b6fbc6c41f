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
}

/** Builds every program's service and defines its jobs. Call from createServices, before the job queue starts. */
export function createPrograms(ctx: AppContext, deps: ProgramDeps): Programs {
  // program construction
  return {
    // program fields
  };
}

export function registerPrograms(app: FastifyInstance, programs: Programs): void {
  // program routes
  void app;
  void programs;
}
