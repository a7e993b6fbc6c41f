// The page an emailed unsubscribe link opens: it says what the link turns off and asks for a click,
// because mail scanners open links too and must not unsubscribe anyone.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { paths } from '../../api/schema';
import { FormAlert, SubmitButton } from '../../components/form';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';

type Preview = paths['/api/email/unsubscribe']['get']['responses'][200]['content']['application/json'];

const what: Record<Preview['purpose'], { stops: string; noMore: string }> = {
  digest: { stops: 'the email summaries of what you missed', noMore: 'email summaries' },
  notifications: { stops: 'the emails about mentions, replies and messages while you are away', noMore: 'emails about mentions, replies and messages' },
};

const noToken: ApiProblem = { status: 0, code: 'invalid_token', message: 'This link has no unsubscribe token. Open the link from your email again.' };

function PreferencesLink() {
  const { me } = useSession();
  return (
    <p>
      {me ? <Link href="/profile">Choose which emails you get on your profile page</Link> : <><Link href="/login?next=%2Fprofile">Log in</Link> to choose which emails you get on your profile page.</>}
    </p>
  );
}

function Confirm({ token, preview }: { token: string; preview: Preview }) {
  const [isDone, setIsDone] = useState(false);
  const action = useAction(async () => {
    const result = await call(api.POST('/api/email/unsubscribe', { body: { token } }));
    if (!result.ok) return result.problem;
    setIsDone(true);
    return null;
  });
  if (isDone || !preview.subscribed) {
    return (
      <>
        <p class="alert alert-success" role="status">
          {isDone ? 'Done.' : 'Already done.'} @{preview.username} gets no more {what[preview.purpose].noMore}.
        </p>
        <PreferencesLink />
      </>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <p>
        This stops {what[preview.purpose].stops} for <strong>@{preview.username}</strong>. Nothing else changes, and you can turn them on again on your profile page.
      </p>
      <FormAlert problem={action.problem} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Unsubscribing…">
          Unsubscribe
        </SubmitButton>
      </div>
    </form>
  );
}

export function UnsubscribePage() {
  useTitle('Unsubscribe');
  const token = useLocation().query.get('token') ?? '';
  const preview = useResource(
    async () => (token ? call(api.GET('/api/email/unsubscribe', { params: { query: { token } } })) : { ok: false as const, problem: noToken }),
    [token],
  );
  return (
    <section class="narrow" aria-live="polite">
      <h1>Unsubscribe</h1>
      {preview.status === 'failed' && (
        <>
          <p class="alert alert-error">{preview.problem.code === 'invalid_token' && token ? 'This unsubscribe link is not valid. Open the link from your email again.' : preview.problem.message}</p>
          <PreferencesLink />
        </>
      )}
      {preview.status === 'loading' && <Loading />}
      {preview.status === 'ready' && <Confirm token={token} preview={preview.data} />}
    </section>
  );
}
