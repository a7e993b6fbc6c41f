// The reminder sweep: every 5 minutes, the 24-hour and 1-hour reminders that are due.
import type { AppContext } from '../../../context';
import { REMINDERS_QUEUE, type RemindersService } from './reminders.service';

export function defineEventJobs(ctx: AppContext, reminders: RemindersService): void {
  ctx.jobs.define({
    queue: REMINDERS_QUEUE,
    schedule: '*/5 * * * *',
    expireInSeconds: 10 * 60,
    handler: async () => reminders.run(new Date()),
  });
}
