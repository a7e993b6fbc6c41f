// When badge rules run: on new posts and topics (for their author and, for "welcome committee", on
// every reply), and once a day over everyone (anniversaries, and anything an event missed).
import type { AppContext } from '../../../context';
import { rulesFor } from './badges.rules';
import type { BadgesService } from './badges.service';

export function defineBadgeJobs(ctx: AppContext, badges: BadgesService): void {
  const onPost = async (e: { authorId: number }, meta: { remote: boolean }) => {
    if (meta.remote) return;
    await badges.evaluate([e.authorId], rulesFor.posted);
  };
  ctx.bus.on('topic.created', onPost);
  ctx.bus.on('post.created', onPost);

  ctx.jobs.define({
    queue: 'badges.evaluate',
    schedule: '53 4 * * *',
    expireInSeconds: 60 * 60,
    handler: async () => ({ granted: await badges.evaluate(null) }),
  });
}
