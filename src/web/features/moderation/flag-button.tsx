// "Flag" under someone else's post: a small dialog asks what is wrong and sends it to the moderators.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { FormAlert, SubmitButton, TextArea, formText } from '../../components/form';
import { submitForm, useAction } from '../../lib/use-action';
import type { FlagReason } from './types';
import { flagReasonLabels, flagReasons } from './words';

function FlagDialog({ postId, postNumber, onClose, onFlagged }: { postId: number; postNumber: number; onClose: () => void; onFlagged: (note: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState<FlagReason>('spam');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const send = useAction(async (form: HTMLFormElement) => {
    const message = formText(form)('message').trim();
    const result = await call(api.POST('/api/posts/{id}/flags', { params: { path: { id: postId } }, body: { reason, ...(message ? { message } : {}) } }));
    if (result.ok) return onFlagged('Thanks: the moderators will look at it.');
    if (result.problem.code === 'already_flagged') return onFlagged('You already flagged this post.');
    return result.problem;
  });
  return (
    <dialog ref={dialog} class="flag-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submitForm(send)}>
        <h2 id={`${id}-title`}>Flag post {postNumber}</h2>
        <fieldset>
          <legend>What is wrong with it?</legend>
          {flagReasons.map((value) => (
            <div key={value} class="field field-check">
              <input type="radio" id={`${id}-${value}`} name="reason" value={value} checked={reason === value} onChange={() => setReason(value)} aria-describedby={`${id}-${value}-hint`} />
              <label for={`${id}-${value}`}>{flagReasonLabels[value].label}</label>
              <p class="field-hint" id={`${id}-${value}-hint`}>
                {flagReasonLabels[value].hint}
              </p>
            </div>
          ))}
        </fieldset>
        <TextArea label="Anything the moderators should know" name="message" rows={3} maxLength={1000} required={reason === 'other'} />
        <FormAlert problem={send.problem} />
        <div class="form-actions">
          <SubmitButton pending={send.pending} pendingLabel="Sending…">
            Send flag
          </SubmitButton>
          <button type="button" class="button button-link" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function FlagButton({ postId, postNumber }: { postId: number; postNumber: number }) {
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <span class="flag-toggle">
      <button type="button" ref={button} class="button button-link" aria-disabled={note !== null ? 'true' : undefined} onClick={() => note === null && setOpen(true)} data-testid="flag-button">
        {note ? 'Flagged' : 'Flag'}
        <span class="visually-hidden"> post {postNumber}</span>
      </button>
      {isOpen && (
        <FlagDialog
          postId={postId}
          postNumber={postNumber}
          onClose={close}
          onFlagged={(text) => {
            setNote(text);
            close();
          }}
        />
      )}
      <span role="status" class="small">
        {note}
      </span>
    </span>
  );
}
