// Sanction a member from their moderation page, with the escalation ladder's next step filled in.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { submitForm, useAction } from '../../lib/use-action';
import { toSanctionKind } from './sanction-fields';
import type { LadderStep } from './types';
import { describeHours, durationOptions, sanctionKinds, sanctionLabels } from './words';

const kinds = sanctionKinds.map((kind) => ({ value: kind, label: sanctionLabels[kind] }));

export function SanctionForm({ memberId, who, suggestion, onDone }: { memberId: number; who: string; suggestion: LadderStep; onDone: () => void }) {
  const impose = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const kind = toSanctionKind(text('kind')) ?? suggestion.kind;
    const hours = Number(text('hours'));
    const body = {
      kind,
      reason: text('reason').trim(),
      guideline: text('guideline').trim(),
      ...(text('message').trim() ? { message: text('message').trim() } : {}),
      ...(kind !== 'warning' && hours > 0 ? { hours } : {}),
    };
    const result = await call(api.POST('/api/moderation/members/{id}/sanctions', { params: { path: { id: memberId } }, body }));
    if (!result.ok) return result.problem;
    form.reset();
    onDone();
  });
  const suggested = suggestion.kind === 'warning' ? 'a warning' : `${suggestion.kind} for ${describeHours(suggestion.hours)}`;
  const hourOptions = durationOptions.some((o) => o.value === String(suggestion.hours)) ? durationOptions : [...durationOptions, { value: String(suggestion.hours), label: describeHours(suggestion.hours) }];
  const problem = impose.problem;
  return (
    <form onSubmit={submitForm(impose)} class="panel" aria-labelledby="sanction-form-title">
      <h3 id="sanction-form-title">Sanction {who}</h3>
      <p class="small muted">
        The escalation ladder suggests {suggested} (step {suggestion.step}).
      </p>
      <div class="field-row">
        <Select label="Sanction" name="kind" defaultValue={suggestion.kind} options={kinds} />
        <Select label="For how long" name="hours" defaultValue={suggestion.hours > 0 ? String(suggestion.hours) : ''} options={hourOptions} hint="Not used for warnings" />
      </div>
      <TextArea label="Reason" name="reason" required rows={2} maxLength={1000} hint="For the record and the member" error={fieldError(problem, 'reason')} />
      <Field label="Guideline" name="guideline" required maxLength={100} hint="The guidelines section it cites" error={fieldError(problem, 'guideline')} />
      <TextArea label="Message to the member" name="message" rows={2} maxLength={5000} error={fieldError(problem, 'message')} />
      <FormAlert problem={problem} fields={['reason', 'guideline', 'message']} />
      <SubmitButton pending={impose.pending} variant="danger" pendingLabel="Applying…">
        Apply sanction
      </SubmitButton>
    </form>
  );
}
