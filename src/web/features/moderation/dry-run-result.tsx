// What a rule would have caught over recent posts: counts, a warning when it catches too much, and samples.
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { topicPath } from '../discussions/paths';
import type { DryRun } from './types';
import { percent } from './words';

const outcomes: Record<string, string> = { hold: 'would be held', reject: 'would be refused', allow: 'would pass, with the other actions' };

export function DryRunResult({ result }: { result: DryRun }) {
  return (
    <section class="panel dry-run" aria-labelledby="dry-run-title" data-testid="dry-run">
      <h3 id="dry-run-title">Dry-run over the last {result.days} days</h3>
      <p>
        Scanned {result.scanned} {result.scanned === 1 ? 'post' : 'posts'}: <strong>{result.matched} matched</strong> ({percent(result.share)}). It would have held {result.held} and refused{' '}
        {result.rejected}. <span class="muted small">({result.ms} ms)</span>
      </p>
      {result.warning && <p class="alert alert-warn">{result.warning}</p>}
      {result.samples.length > 0 && (
        <>
          <h4>Sample matches</h4>
          <ul class="plain-list">
            {result.samples.map((sample) => (
              <li key={sample.postId} class="dry-run-sample">
                <Link href={topicPath({ id: sample.topicId })}>{sample.title}</Link>{' '}
                <span class="small muted">
                  by {sample.author ?? 'someone'} · {formatDateTime(sample.createdAt)} · {outcomes[sample.decision] ?? sample.decision}
                </span>
                <p class="excerpt">{sample.excerpt}</p>
                {sample.evidence.length > 0 && <p class="small">Matched: {sample.evidence.join('; ')}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
