// On the sign-up page (?invite=CODE): who invited the visitor, or why the link no longer works.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { useResource } from '../../../lib/use-resource';

export function InvitedBy({ code }: { code: string }) {
  const lookup = useResource(() => call(api.GET('/api/invites/{code}', { params: { path: { code } } })), [code]);
  if (lookup.status === 'failed') {
    return (
      <p class="alert alert-warn" role="alert" data-testid="invite-problem">
        {lookup.problem.status === 400 ? 'This invite link is not valid.' : lookup.problem.message}
      </p>
    );
  }
  if (!lookup.data) return null;
  return (
    <p class="alert alert-info" data-testid="invited-by">
      Invited by <strong>{lookup.data.inviter.displayName}</strong>
    </p>
  );
}
