// The composition root of the feature services.
import type { AppContext } from './context';
import { defineMailJob } from './platform/mail/send';
import { RealtimeHub } from './platform/realtime/hub';
import { createAccounts, defineAccountJobs, type Accounts } from './features/accounts';
import { createApiKeysService, type ApiKeysService } from './features/api-keys';
import { createDigests, type Digests } from './features/digests';
import { createDiscussions, publishDiscussionEvents, type Discussions } from './features/discussions';
import { createGroupsService, type GroupsService } from './features/groups';
import { createMessages, publishMessageEvents, type MessagesService } from './features/messages';
import { createNotifications, type NotificationsService } from './features/notifications';
import { createSettingsService, type SettingsService } from './features/settings';
import { createSetupService, type SetupService } from './features/setup';

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
  const discussions = createDiscussions(ctx, groups);
  const notifications = createNotifications(ctx, discussions);
  const digests = createDigests(ctx, discussions.spaces, settings);
  const realtime = new RealtimeHub(ctx.bus, (principal) => groups.groupsOf(principal));
  publishDiscussionEvents(ctx.bus, ctx.database.db, realtime);
  const messages = createMessages(ctx, groups);
  publishMessageEvents(ctx.bus, ctx.database.db, realtime);
  return { settings, accounts, apiKeys, groups, setup, discussions, notifications, messages, digests, realtime };
}
