// Private moderator notes about a member, newest first, with a form to add one.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { FormAlert, SubmitButton, TextArea } from '../../components/form';
import { formatDateTime } from '../../lib/format';
import { submitForm, useAction } from '../../lib/use-action';
import type { MemberNote } from './types';

export function MemberNotes({ memberId, notes, onAdded }: { memberId: number; notes: MemberNote[]; onAdded: () => void }) {
  const add = useAction(async (form: HTMLFormElement) => {
    const body = new FormData(form).get('body');
    const result = await call(api.POST('/api/moderation/members/{id}/notes', { params: { path: { id: memberId } }, body: { body: typeof body === 'string' ? body.trim() : '' } }));
    if (!result.ok) return result.problem;
    form.reset();
    onAdded();
  });
  return (
    <>
      {notes.length === 0 ? (
        <p class="muted">No notes yet.</p>
      ) : (
        <ul class="plain-list" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} class="note">
              <p class="small muted">
                {note.author ?? 'A moderator'} · {formatDateTime(note.createdAt)}
              </p>
              <p class="note-body">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submitForm(add)} aria-label="Add a note">
        <TextArea label="New note" name="body" required rows={2} maxLength={5000} hint="Only staff see notes" error={fieldError(add.problem, 'body')} />
        <FormAlert problem={add.problem} fields={['body']} />
        <SubmitButton pending={add.pending} variant="secondary" pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </form>
    </>
  );
}
