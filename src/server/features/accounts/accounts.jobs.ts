// Scheduled clean-up of expired sessions and spent one-time tokens.
import type { AppContext } from '../../context';
import { deleteExpiredSessions } from './sessions.store';
import { deleteDeadTokens } from './tokens.store';

export function defineAccountJobs(ctx: AppContext): void {
  ctx.jobs.define({
    queue: 'accounts.cleanup',
    schedule: '17 3 * * *',
    handler: async (_data, job) => {
      const sessions = await deleteExpiredSessions(ctx.database.db);
      await job.progress(50, `removed ${sessions} expired sessions`);
      await deleteDeadTokens(ctx.database.db);
      return { sessions };
    },
  });
}
