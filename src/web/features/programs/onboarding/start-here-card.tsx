// The home page's "Start here" card for members who have not finished or hidden their checklist.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { useSession } from '../../../lib/session';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import './onboarding.css';

function Checklist({ memberId }: { memberId: number }) {
  const checklist = useResource(() => call(api.GET('/api/me/onboarding')), [memberId]);
  const hide = useAction(async () => {
    const result = await call(api.PUT('/api/me/onboarding', { body: { dismissed: true } }));
    if (!result.ok) return result.problem;
    checklist.reload();
    return null;
  });
  const data = checklist.data;
  if (!data || data.complete || data.dismissed) return null;
  return (
    <section class="card start-here" aria-labelledby="start-here-heading" data-testid="start-here">
      <div class="start-here-head">
        <h2 id="start-here-heading">Start here</h2>
        <button type="button" class="button button-small button-link" disabled={hide.pending} onClick={() => void hide.run()}>
          Hide this
        </button>
      </div>
      <p id="start-here-progress" data-testid="start-here-progress">
        {data.done} of {data.total} done
      </p>
      <progress max={data.total} value={data.done} aria-labelledby="start-here-progress" />
      <ul>
        {data.items.map((item) => (
          <li key={item.key} class={item.done ? 'done' : undefined} data-testid={`start-here-${item.key}`} data-done={item.done ? 'true' : 'false'}>
            <span class="check" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            {item.done ? <span class="item-label">{item.label}</span> : <Link href={item.href}>{item.label}</Link>}
            {item.done && <span class="visually-hidden"> (done)</span>}
          </li>
        ))}
      </ul>
      {hide.problem && (
        <p class="alert alert-error" role="alert">
          {hide.problem.message}
        </p>
      )}
    </section>
  );
}

export function StartHereCard() {
  const { me } = useSession();
  return me ? <Checklist memberId={me.id} /> : null;
}
