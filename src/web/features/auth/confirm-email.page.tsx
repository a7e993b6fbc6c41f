// Confirms an email address as soon as the emailed link is opened.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import { Link } from '../../components/link';
import { useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';

type Outcome = { status: 'working' } | { status: 'done' } | { status: 'failed'; problem: ApiProblem };

export function ConfirmEmailPage() {
  useTitle('Confirm your email');
  const token = useLocation().query.get('token') ?? '';
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'working' });

  useEffect(() => {
    if (!token) {
      setOutcome({ status: 'failed', problem: { status: 0, code: 'invalid_token', message: 'This link has no confirmation token.' } });
      return;
    }
    let isCurrent = true;
    void call(api.POST('/api/email-confirmations/confirm', { body: { token } })).then(async (result) => {
      if (!isCurrent) return;
      setOutcome(result.ok ? { status: 'done' } : { status: 'failed', problem: result.problem });
      if (result.ok) await session.refresh();
    });
    return () => {
      isCurrent = false;
    };
    // Confirm once per token; the session object changes after refresh and must not trigger a second call.
  }, [token]);

  return (
    <section class="narrow" aria-live="polite">
      <h1>Confirm your email</h1>
      {outcome.status === 'working' && <p role="status">Confirming your email address…</p>}
      {outcome.status === 'done' && (
        <>
          <p class="alert alert-success">Your email address is confirmed. Thank you!</p>
          <p>{session.me ? <Link href="/">Go to the home page</Link> : <Link href="/login">Log in</Link>}</p>
        </>
      )}
      {outcome.status === 'failed' && (
        <>
          <p class="alert alert-error">{outcome.problem.message}</p>
          {session.me ? (
            <p>
              The link may have expired or been used already. <Link href="/profile">Ask for a new one on your profile page</Link>.
            </p>
          ) : (
            <p>
              The link may have expired or been used already. <Link href="/login">Log in</Link> to ask for a new one.
            </p>
          )}
        </>
      )}
    </section>
  );
}
