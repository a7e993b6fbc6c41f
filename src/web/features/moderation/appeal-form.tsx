// Appeal a moderation decision or a sanction once, saying why it should change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { FormAlert, SubmitButton, TextArea, formText } from '../../components/form';
import { submitForm, useAction } from '../../lib/use-action';

type Target = { reviewItemId: number } | { sanctionId: number };

export function AppealForm({ target, what, onFiled }: { target: Target; what: string; onFiled: () => void }) {
  const [isOpen, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (isOpen) formRef.current?.querySelector('textarea')?.focus();
  }, [isOpen]);
  const file = useAction(async (form: HTMLFormElement) => {
    const body = formText(form)('body').trim();
    if (body.length < 10) return { status: 0, code: 'invalid_request', message: 'Say in a sentence or two why the decision should change (at least 10 characters).', field: 'body' };
    const result = await call(api.POST('/api/appeals', { body: { ...target, body } }));
    if (!result.ok) return result.problem;
    setOpen(false);
    onFiled();
  });
  if (!isOpen) {
    return (
      <button type="button" class="button button-secondary" onClick={() => setOpen(true)}>
        Appeal<span class="visually-hidden"> {what}</span>…
      </button>
    );
  }
  return (
    <form ref={formRef} onSubmit={submitForm(file)} class="panel" aria-label={`Appeal ${what}`}>
      <TextArea label="Why should this decision change?" name="body" required rows={4} maxLength={5000} hint="A moderator who did not take the decision reads it. You can appeal each decision once." error={fieldError(file.problem, 'body')} />
      <FormAlert problem={file.problem} fields={['body']} />
      <div class="form-actions">
        <SubmitButton pending={file.pending} pendingLabel="Sending…">
          Send appeal
        </SubmitButton>
        <button type="button" class="button button-link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
