// Onboarding of newcomers: the welcome message, the "start here" checklist, the newcomers' queue.
import type { AppContext } from '../../../context';
import { defineOnboardingJobs } from './onboarding.jobs';
import { createOnboardingService, type OnboardingDeps, type OnboardingService } from './onboarding.service';

export { registerOnboardingRoutes } from './onboarding.routes';
export { WELCOME_QUEUE } from './onboarding.jobs';
export { checklist, fillPlaceholders, introductionsHref, isOverdue, mayHelp, profileDone, progressOf } from './onboarding.rules';
export type { OnboardingService, WelcomeOutcome } from './onboarding.service';

/** Builds the service, defines the welcome job and queues it for each member who signs up. */
export function createOnboarding(ctx: AppContext, deps: OnboardingDeps): OnboardingService {
  const onboarding = createOnboardingService(ctx, deps);
  defineOnboardingJobs(ctx, onboarding);
  return onboarding;
}
