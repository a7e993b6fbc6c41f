// The minute job that publishes due scheduled items.
import type { AppContext } from '../../../context';
import type { SchedulingService } from './scheduling.service';

export const SCHEDULED_PUBLISH_QUEUE = 'scheduled.publish';

export function defineSchedulingJobs(ctx: AppContext, scheduling: SchedulingService): void {
  ctx.jobs.define({
    queue: SCHEDULED_PUBLISH_QUEUE,
    schedule: '* * * * *',
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    handler: async () => {
      const report = await scheduling.runDue(new Date());
      if (report.published + report.failed > 0) ctx.logger.info({ scheduled: report }, 'scheduled publishing run');
      return report;
    },
  });
}
