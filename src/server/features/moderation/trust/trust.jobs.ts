// The daily recompute of trust levels.
import type { AppContext } from '../../../context';
import type { TrustService } from './trust.service';

export function defineTrustJobs(ctx: AppContext, trust: TrustService): void {
  ctx.jobs.define({
    queue: 'trust.recompute',
    schedule: '41 4 * * *',
    expireInSeconds: 60 * 60,
    handler: async (_data, job) => trust.recompute((percent, message) => job.progress(percent, message)),
  });
}
