// The decision on a review item: what to do, why (for the record and the author), and an optional sanction.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { submitForm, useAction } from '../../lib/use-action';
import { SanctionFields, readSanction } from './sanction-fields';
import type { DecisionAction, DecisionBody, ReviewItem, ReviewKind } from './types';

const actionLabels: Record<DecisionAction, string> = {
  approve: 'Approve: publish it, no problem',
  reject: 'Reject: remove it for good',
  edit: 'Edit it, then publish',
  dismiss: 'Dismiss: no violation',
  hide: 'Hide it from others',
  delete: 'Delete it',
};

function actionsFor(kind: ReviewKind): DecisionAction[] {
  if (kind === 'flagged_post') return ['dismiss', 'hide', 'delete', 'edit'];
  if (kind === 'flagged_member' || kind === 'signup') return ['dismiss', 'approve'];
  return ['approve', 'reject', 'edit'];
}

const categories = [
  { value: '', label: 'Not said' },
  { value: 'spam', label: 'Spam' },
  { value: 'abuse', label: 'Abuse' },
  { value: 'other', label: 'Something else' },
];

function readCategory(value: string): DecisionBody['category'] {
  return value === 'spam' || value === 'abuse' || value === 'other' ? value : undefined;
}

const fields = ['reason', 'guideline', 'message', 'body'];

export function DecisionForm({ item, onDecided, onCancel }: { item: ReviewItem; onDecided: (item: ReviewItem) => void; onCancel: () => void }) {
  const choices = actionsFor(item.kind);
  const [action, setAction] = useState<DecisionAction>(choices[0] ?? 'approve');
  const decide = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const category = readCategory(text('category'));
    const sanction = readSanction(text);
    const body: DecisionBody = {
      action,
      reason: text('reason').trim(),
      ...(text('guideline').trim() ? { guideline: text('guideline').trim() } : {}),
      ...(text('message').trim() ? { message: text('message').trim() } : {}),
      ...(category ? { category } : {}),
      ...(action === 'edit' ? { body: text('body') } : {}),
      ...(sanction ? { sanction } : {}),
    };
    const result = await call(api.POST('/api/moderation/queue/{id}/decision', { params: { path: { id: item.id } }, body }));
    if (!result.ok) return result.problem;
    onDecided(result.data);
  });
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens on request: focus its first choice.
  useEffect(() => formRef.current?.querySelector('select')?.focus(), []);
  const problem = decide.problem;
  const who = item.member.username ?? item.member.displayName;
  return (
    <form ref={formRef} onSubmit={submitForm(decide)} class="panel decision-form" aria-label={`Decide on the ${item.kind.replace('_', ' ')} by ${who}`}>
      <Select
        label="Decision"
        name="action"
        defaultValue={action}
        onChange={(value) => setAction(choices.find((choice) => choice === value) ?? action)}
        options={choices.map((choice) => ({ value: choice, label: actionLabels[choice] }))}
      />
      {action === 'edit' && item.post && <TextArea label="New text (Markdown)" name="body" required rows={6} maxLength={32000} defaultValue={item.post.body} error={fieldError(problem, 'body')} />}
      <TextArea label="Reason" name="reason" required rows={2} maxLength={1000} hint="Kept in the audit log; the author sees it when their post is hidden or removed" error={fieldError(problem, 'reason')} />
      <div class="field-row">
        <Field label="Guideline" name="guideline" maxLength={100} hint="The guidelines section it cites" error={fieldError(problem, 'guideline')} />
        <Select label="Category" name="category" options={categories} hint="Spam and abuse teach the classifiers" />
      </div>
      <TextArea label="Message to the author" name="message" rows={2} maxLength={5000} error={fieldError(problem, 'message')} />
      <SanctionFields who={who} />
      <FormAlert problem={problem} fields={fields} />
      <div class="form-actions">
        <SubmitButton pending={decide.pending} pendingLabel="Applying…">
          Apply decision
        </SubmitButton>
        <button type="button" class="button button-link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
