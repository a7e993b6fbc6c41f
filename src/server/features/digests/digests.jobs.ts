// The hourly digest run, and delayed notification emails for members who are away.
import type { AppContext } from '../../context';
import { AWAY_EMAIL_DELAY_SECONDS, AWAY_EMAIL_QUEUE, DIGEST_QUEUE, type AwayEmailJob } from './digests.rules';
import type { DigestsService } from './digests.service';


export function defineDigestJobs(ctx: AppContext, digests: DigestsService): void {
  ctx.jobs.define<{ dryRun?: boolean }>({
    queue: DIGEST_QUEUE,
    schedule: '23 * * * *',
    retryLimit: 3,
    expireInSeconds: 60 * 60,
    handler: async (data, job) => {
      const report = await digests.sendDue(new Date(), {
        dryRun: data.dryRun === true,
        onBatch: (looked) => job.progress(50, `looked at ${looked} members`),
      });
      ctx.logger.info({ digests: { looked: report.looked, sent: report.sent, empty: report.empty, failed: report.failed } }, 'digest run');
      // Claimed digests are not sent again, so a retry only picks up the failed ones.
      if (report.failed > 0) throw new Error(`${report.failed} digests could not be queued`);
      return { sent: report.sent, empty: report.empty };
    },
  });

  ctx.jobs.define<AwayEmailJob>({
    queue: AWAY_EMAIL_QUEUE,
    retryLimit: 3,
    handler: async (data) => ({ sent: await digests.sendAwayNotification(data.notificationId, new Date(), data.messageId) }),
  });

  // Only this process's events, so that several processes queue one email, not one each. Without
  // SMTP nothing would leave the machine, so nothing is queued. Mentions, replies and private messages
  // (every new message, also one folded into an unread notification) wait the same delay.
  ctx.bus.on('notification.created', async (e, meta) => {
    if (meta.remote || !ctx.mailer.delivers) return;
    const job = await digests.awayEmailJob(e.notificationId);
    if (!job) return;
    await ctx.jobs.send(AWAY_EMAIL_QUEUE, job, { startAfterSeconds: AWAY_EMAIL_DELAY_SECONDS });
  });
}
