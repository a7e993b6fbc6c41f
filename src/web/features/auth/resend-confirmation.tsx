// "Send the confirmation link again", for members who have not confirmed their email yet.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { FormAlert } from '../../components/form';
import { useAction } from '../../lib/use-action';

export function ResendConfirmation({ email }: { email: string }) {
  const [isSent, setSent] = useState(false);
  const action = useAction(async () => {
    const result = await call(api.POST('/api/email-confirmations/resend', { body: { email } }));
    if (!result.ok) return result.problem;
    setSent(true);
    return null;
  });
  if (isSent) {
    return (
      <p class="alert alert-success" role="status">
        If {email} needs confirming, a new link is on its way.
      </p>
    );
  }
  return (
    <div class="resend">
      <button type="button" class="button button-secondary" disabled={action.pending} onClick={() => void action.run()}>
        Send the confirmation email again
      </button>
      <FormAlert problem={action.problem} />
    </div>
  );
}
