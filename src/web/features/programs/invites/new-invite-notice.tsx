// Shows a new invite link once, with a copy button: Hearth keeps only a hash of the code.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreatedInvite } from './types';

export function NewInviteNotice({ invite, onDone }: { invite: CreatedInvite; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  useEffect(() => headingRef.current?.focus(), [invite.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setStatus('Link copied to the clipboard.');
    } catch {
      inputRef.current?.select();
      setStatus('Could not copy automatically: the link is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <div class="panel panel-success" role="region" aria-labelledby="new-invite-link-heading">
      <h2 id="new-invite-link-heading" tabIndex={-1} ref={headingRef}>
        Your invite link is ready
      </h2>
      <p class="alert alert-warn">
        <strong>Copy it now.</strong> For safety the link is shown only this once; you can always make a new one.
      </p>
      <div class="copy-row">
        <label for="new-invite-link" class="visually-hidden">
          Invite link
        </label>
        <input id="new-invite-link" ref={inputRef} class="mono" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" />
        <button type="button" class="button button-secondary" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p role="status" class="muted">
        {status}
      </p>
      <button type="button" class="button button-primary" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
