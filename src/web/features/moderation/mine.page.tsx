// "My moderation" at /moderation/mine: the member's held or removed posts and why, sanctions, appeals and flags.
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Loading, RequireMember } from '../../components/guards';
import { formatDateTime } from '../../lib/format';
import { useLocation } from '../../lib/router';
import { Link } from '../../components/link';
import { useTitle } from '../../lib/site';
import { useResource } from '../../lib/use-resource';
import { AppealForm } from './appeal-form';
import { MyFlags } from './my-flags';
import { MyItemCard } from './my-item';
import { SanctionSummary } from './sanction-list';
import type { MyModeration } from './types';
import { appealStatusLabels } from './words';

/** The entry a notice linked to (?item=, ?post=, ?sanction=, ?appeal=), as an element id. */
function targetId(query: URLSearchParams, data: MyModeration): string | null {
  const number = (name: string) => Number(query.get(name) ?? '');
  const post = number('post');
  const byPost = post ? data.items.find((item) => item.post?.id === post) : undefined;
  if (byPost) return `item-${byPost.id}`;
  if (number('item')) return `item-${number('item')}`;
  if (number('sanction')) return `sanction-${number('sanction')}`;
  if (number('appeal')) return `my-appeal-${number('appeal')}`;
  if (query.get('tab') === 'flags') return 'my-flags';
  return null;
}

function Mine() {
  const { query } = useLocation();
  const mine = useResource(() => call(api.GET('/api/me/moderation')), []);
  const target = mine.data ? targetId(query, mine.data) : null;
  useEffect(() => {
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [target]);
  if (mine.status === 'failed' && !mine.data) return <p class="alert alert-error">{mine.problem.message}</p>;
  if (!mine.data) return <Loading />;
  const { items, sanctions, appeals, moderates } = mine.data;
  const appealOf = (match: (appeal: MyModeration['appeals'][number]) => boolean) => appeals.find(match);
  return (
    <>
      {moderates.length > 0 && (
        <p class="alert alert-info">
          You moderate {moderates.length === 1 ? 'a space' : `${moderates.length} spaces`}: <Link href="/moderation/queue">open its review queue</Link>.
        </p>
      )}
      <h2>Your posts</h2>
      {items.length === 0 && <p class="muted">Moderation has not held or removed any of your posts.</p>}
      <ul class="plain-list">
        {items.map((item) => (
          <MyItemCard key={item.id} item={item} appeal={appealOf((a) => a.reviewItemId === item.id)} isTarget={target === `item-${item.id}`} onAppealed={mine.reload} />
        ))}
      </ul>
      <h2>Sanctions</h2>
      {sanctions.length === 0 && <p class="muted">You have no sanctions.</p>}
      <ul class="plain-list">
        {sanctions.map((sanction) => {
          const appeal = appealOf((a) => a.sanctionId === sanction.id);
          return (
            <li key={sanction.id} id={`sanction-${sanction.id}`} class={target === `sanction-${sanction.id}` ? 'sanction is-target' : 'sanction'} data-testid="my-sanction">
              <SanctionSummary sanction={sanction} />
              {!appeal && !sanction.appeal && <AppealForm target={{ sanctionId: sanction.id }} what={`the ${sanction.kind}`} onFiled={mine.reload} />}
            </li>
          );
        })}
      </ul>
      <h2>Your appeals</h2>
      {appeals.length === 0 && <p class="muted">You have not appealed anything.</p>}
      <ul class="plain-list">
        {appeals.map((appeal) => (
          <li key={appeal.id} id={`my-appeal-${appeal.id}`} class={target === `my-appeal-${appeal.id}` ? 'is-target' : undefined} data-testid="my-appeal">
            <strong>{appeal.action}</strong>: {appealStatusLabels[appeal.status]} <span class="small muted">({formatDateTime(appeal.createdAt)})</span>
            <blockquote class="appeal-body">{appeal.body}</blockquote>
            {appeal.decisionNote && <p>Moderator's note: {appeal.decisionNote}</p>}
          </li>
        ))}
      </ul>
      <h2 id="my-flags">Your flags</h2>
      <MyFlags />
    </>
  );
}

export function MyModerationPage() {
  useTitle('My moderation');
  return (
    <section class="narrow">
      <h1>My moderation</h1>
      <p class="muted">Posts of yours that moderators review or removed, and why; your sanctions and appeals. You can appeal each decision once.</p>
      <RequireMember>{() => <Mine />}</RequireMember>
    </section>
  );
}
