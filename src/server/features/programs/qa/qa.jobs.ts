// Q&A tracking: a question's first answer from post.created, a deleted answer's acceptance and points
// dropped on post.deleted, and a daily backfill of first answers that events missed.
import type { AppContext } from '../../../context';
import type { QaService } from './qa.service';

export function defineQaJobs(ctx: AppContext, qa: QaService): void {
  ctx.bus.on('post.created', async (e, meta) => {
    if (meta.remote) return;
    await qa.trackAnswer(e.postId);
  });

  ctx.bus.on('post.deleted', async (e, meta) => {
    if (meta.remote) return;
    await qa.forgetAnswer(e.postId);
  });

  ctx.jobs.define({
    queue: 'qa.backfill',
    schedule: '47 4 * * *',
    expireInSeconds: 30 * 60,
    handler: async () => ({ recorded: await qa.backfillFirstAnswers() }),
  });
}
