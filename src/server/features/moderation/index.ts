// Moderation's core: the post gate (sanctions, limits, classifiers, automod), automod rules with
// dry-runs, the review queue, sanctions, appeals, member pages and classifier retraining. Flags,
// trust levels and mediation live beside it (flags/, trust/, mediation/, slow-mode/).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/http/principal';
import type { PostGate } from '../discussions/post-gate';
import type { SettingsService } from '../settings';
import { registerAppealRoutes } from './appeals/appeals.routes';
import { createAppealsService, type AppealsService } from './appeals/appeals.service';
import { registerAutomodRoutes } from './automod/automod.routes';
import { createAutomodService, type AutomodService } from './automod/automod.service';
import { createRuleCache } from './automod/rule-cache';
import { createModerationGate } from './gate/moderation-gate';
import { registerLearningRoutes } from './learning/learning.routes';
import { createModelRegistry, type ModelRegistry } from './learning/model-registry';
import { createRetrainService, type RetrainService } from './learning/retrain.service';
import { registerMemberPageRoutes } from './members/member-page.routes';
import { createMemberPageService, type MemberPageService } from './members/member-page.service';
import type { ModerationNotices } from './notices';
import { registerQueueRoutes } from './queue/queue.routes';
import { createQueueService, type QueueService } from './queue/queue.service';
import { registerSanctionRoutes } from './sanctions/sanctions.routes';
import { createSanctionsService, type SanctionsService } from './sanctions/sanctions.service';

export { createModerationNotices, type ModerationNotices } from './notices';
export { publishQueueEvents } from './queue/queue.realtime';
export { isBanned } from './sanctions/sanctions.store';

export interface Moderation {
  gate: PostGate;
  models: ModelRegistry;
  automod: AutomodService;
  queue: QueueService;
  sanctions: SanctionsService;
  appeals: AppealsService;
  memberPages: MemberPageService;
  retrain: RetrainService;
}

/** A private message from a moderator to a member (a warning); bound once messages exist. */
export type SendWarning = (actor: Actor, username: string, title: string, body: string) => Promise<void>;

export function createModeration(
  ctx: AppContext,
  deps: {
    settings: SettingsService;
    notices: ModerationNotices;
    warn: SendWarning;
    moderatedSpaceIds: (actor: Actor) => Promise<number[]>;
    /** Emails the applicant once a held sign-up is approved or refused (accounts). */
    tellApplicant: (memberId: number, approved: boolean, reason: string) => Promise<void>;
  },
): Moderation {
  const models = createModelRegistry(ctx);
  const rules = createRuleCache(ctx, deps.settings);
  const sanctions = createSanctionsService(ctx, { notices: deps.notices, warn: deps.warn });
  const appeals = createAppealsService(ctx, { notices: deps.notices, sanctions });
  const retrain = createRetrainService(ctx, models);
  retrain.defineJob();
  return {
    gate: createModerationGate(ctx, { settings: deps.settings, rules, scorer: models, notices: deps.notices, silence: (memberId, hours, reason) => sanctions.silenceByRule(memberId, hours, reason) }),
    models,
    automod: createAutomodService(ctx, { settings: deps.settings, rules, scorer: models }),
    queue: createQueueService(ctx, { notices: deps.notices, sanctions, moderatedSpaceIds: deps.moderatedSpaceIds, tellApplicant: deps.tellApplicant }),
    sanctions,
    appeals,
    memberPages: createMemberPageService(ctx, { sanctions, appeals, moderatedSpaceIds: deps.moderatedSpaceIds }),
    retrain,
  };
}

export function registerModeration(app: FastifyInstance, moderation: Moderation): void {
  registerAutomodRoutes(app, moderation.automod);
  registerQueueRoutes(app, moderation.queue);
  registerSanctionRoutes(app, moderation.sanctions);
  registerAppealRoutes(app, moderation.appeals);
  registerMemberPageRoutes(app, moderation.memberPages);
  registerLearningRoutes(app, moderation.retrain, moderation.models);
}
