// The composition root of the feature services.
import type { AppContext } from './context';
import { defineMailJob } from './platform/mail/send';
import { RealtimeHub } from './platform/realtime/hub';
import { createAccounts, defineAccountJobs, type Accounts } from './features/accounts';
import { createApiKeysService, type ApiKeysService } from './features/api-keys';
import { createDigests, type Digests } from './features/digests';
import { createDiscussions, publishDiscussionEvents, publishSpaceEvents, type Discussions } from './features/discussions';
import { createGroupsService, type GroupsService } from './features/groups';
import { createMessages, publishMessageEvents, type MessagesService } from './features/messages';
import { createNotifications, type NotificationsService } from './features/notifications';
import { createSettingsService, type SettingsService } from './features/settings';
import { createSetupService, type SetupService } from './features/setup';
import { createModeration, createModerationNotices, publishQueueEvents, type Moderation } from './features/moderation';
// moderation: flags and trust levels
import { createFlagsService, type FlagsService } from './features/moderation/flags';
import { createTrustService, defineTrustJobs, type TrustService } from './features/moderation/trust';
// moderation: mediation and slow mode
import { createTransparencyService, type TransparencyService } from './features/audit';
import { createMediationService, type MediationService } from './features/moderation/mediation';
import { createSlowModeService, type SlowModeService } from './features/moderation/slow-mode';
import { LIVE_PROGRAM_EVENTS, createPrograms, type Programs } from './features/programs';

export interface Services {
  settings: SettingsService;
  accounts: Accounts;
  apiKeys: ApiKeysService;
  groups: GroupsService;
  setup: SetupService;
  discussions: Discussions;
  notifications: NotificationsService;
  messages: MessagesService;
  digests: Digests;
  realtime: RealtimeHub;
  moderation: Moderation;
  // moderation: flags and trust levels
  flags: FlagsService;
  trust: TrustService;
  // moderation: mediation and slow mode
  mediation: MediationService;
  slowMode: SlowModeService;
  transparency: TransparencyService;
  programs: Programs;
}

/** Builds every service and defines every job. Call before the job queue starts. */
export function createServices(ctx: AppContext): Services {
  const settings = createSettingsService(ctx);
  const accountsRef: { current?: Accounts } = {};
  const apiKeys = createApiKeysService(ctx, async (memberId) => accountsRef.current?.findById(memberId));
  const accounts = createAccounts(ctx, settings, apiKeys.lookup);
  accountsRef.current = accounts;
  const groups = createGroupsService(ctx, async (username) => (await accounts.findByUsername(username))?.id);
  const setup = createSetupService(ctx, accounts);
  defineMailJob(ctx.jobs, ctx.mailer);
  defineAccountJobs(ctx);
  const moderationNotices = createModerationNotices(ctx);
  const messagesRef: { current?: MessagesService } = {};
  const discussionsRef: { current?: Discussions } = {};
  const moderation = createModeration(ctx, {
    settings,
    notices: moderationNotices,
    warn: async (actor, username, title, body) => {
      await messagesRef.current?.create(actor, { recipients: [username], title, body });
    },
    // Bound below: the gate must exist before discussions, and space moderators come from its spaces.
    moderatedSpaceIds: async (actor) => (await discussionsRef.current?.spaces.moderatedSpaceIds(actor)) ?? [],
    tellApplicant: (memberId, approved, reason) => accounts.signup.tellApplicant(memberId, approved, reason),
  });
  const discussions = createDiscussions(ctx, groups, moderation.gate);
  discussionsRef.current = discussions;
  const notifications = createNotifications(ctx, discussions);
  const digests = createDigests(ctx, discussions.spaces, settings);
  const realtime = new RealtimeHub(ctx.bus, (principal) => groups.groupsOf(principal));
  publishDiscussionEvents(ctx.bus, ctx.database.db, realtime);
  publishSpaceEvents(ctx.bus, ctx.database.db, realtime, LIVE_PROGRAM_EVENTS);
  publishQueueEvents(ctx.bus, realtime, (spaceId) => discussions.spaces.moderatorGroupsOf(spaceId));
  const messages = createMessages(ctx, groups);
  messagesRef.current = messages;
  publishMessageEvents(ctx.bus, ctx.database.db, realtime);
  // moderation: flags and trust levels
  const flags = createFlagsService(ctx, { settings, discussions, notices: moderationNotices });
  const trust = createTrustService(ctx, { settings, notices: moderationNotices });
  defineTrustJobs(ctx, trust);
  // moderation: mediation and slow mode
  const mediation = createMediationService(ctx, { messages, notices: moderationNotices });
  const slowMode = createSlowModeService(ctx);
  const transparency = createTransparencyService(ctx, settings);
  const programs = createPrograms(ctx, { settings, accounts, groups, discussions, messages, notices: moderationNotices });
  return { settings, accounts, apiKeys, groups, setup, discussions, notifications, messages, digests, realtime, moderation, flags, trust, mediation, slowMode, transparency, programs };
}
