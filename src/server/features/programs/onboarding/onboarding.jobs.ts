// The welcome message goes out from a job after the sign-up committed, so a slow or failing messages
// service never slows or fails a sign-up; the job retries, and the claim makes it once per member.
import type { AppContext } from '../../../context';
import type { OnboardingService } from './onboarding.service';

export const WELCOME_QUEUE = 'onboarding.welcome';

export function defineOnboardingJobs(ctx: AppContext, onboarding: OnboardingService): void {
  ctx.jobs.define<{ memberId: number }>({
    queue: WELCOME_QUEUE,
    retryLimit: 5,
    retryDelaySeconds: 30,
    handler: async ({ memberId }) => {
      const outcome = await onboarding.sendWelcome(memberId);
      ctx.logger.info({ memberId, outcome }, 'welcome message');
      return { outcome };
    },
  });

  // Only this process's events: another process that saw the same sign-up does not queue it twice.
  ctx.bus.on('member.joined', async ({ memberId }, { remote }) => {
    if (remote) return;
    try {
      const site = await onboarding.settings();
      if (!site.welcomeMessageEnabled || !(await onboarding.joinedBySignup(memberId))) return;
      await ctx.jobs.send(WELCOME_QUEUE, { memberId }, { singletonKey: `welcome:${memberId}` });
    } catch (error) {
      ctx.logger.error({ err: error, memberId }, 'could not queue the welcome message');
    }
  });
}
