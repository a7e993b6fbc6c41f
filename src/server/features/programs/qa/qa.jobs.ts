// Q&A tracking: a question's first answer from post.created, a deleted answer's acceptance and points
// dropped on post.deleted (its up-votes' points back when it is restored or released), and a daily
// backfill of first answers that events missed.
import type { AppContext } from '../../../context';
import type { QaService } from './qa.service';

export function defineQaJobs(ctx: AppContext, qa: QaService): void {
  // A new post, or a withheld one released: either may be an answer (and a released one kept its votes).
  ctx.bus.on('post.created', async (e, meta) => {
    if (meta.remote) return;
    await qa.trackAnswer(e.postId);
  });

  // Staff restoring a deleted answer announce it as an update.
  ctx.bus.on('post.updated', async (e, meta) => {
    if (meta.remote) return;
    await qa.answerRestored(e.postId);
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
