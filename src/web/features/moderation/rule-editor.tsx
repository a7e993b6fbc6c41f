// Edit or create an automod rule: name, conditions, actions, what the author is told; save it or dry-run it first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import { Checkbox, Field, FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { submitForm, useAction } from '../../lib/use-action';
import { useSpaces } from '../discussions/use-spaces';
import { DryRunResult } from './dry-run-result';
import { PartList } from './part-list';
import { normalizeField, readRule, type RuleParts } from './rule-read';
import { actionSpecs, actionTypes, conditionSpecs, conditionTypes, valuesOf } from './rule-specs';
import type { AutomodRule, DryRun } from './types';

function startingParts(rule: AutomodRule | null, newKey: () => number): RuleParts {
  if (!rule) return { conditions: [{ key: newKey(), type: 'words', values: { words: '' } }], actions: [{ key: newKey(), type: 'hold', values: {} }] };
  return {
    conditions: rule.conditions.map((condition) => ({ key: newKey(), type: condition.type, values: valuesOf(condition) })),
    actions: rule.actions.map((action) => ({ key: newKey(), type: action.type, values: valuesOf(action) })),
  };
}

/** Server problems name fields with slashes; a refused pattern says so plainly. */
function fromServer(problem: ApiProblem): ApiProblem {
  const field = normalizeField(problem.field);
  const refused = problem.code === 'unsafe_regex' || problem.code === 'invalid_regex';
  return { ...problem, ...(field ? { field } : {}), message: refused ? `The regular expression was refused: ${problem.message}` : problem.message };
}

const dayOptions = ['7', '30', '90', '365'].map((days) => ({ value: days, label: `${days} days` }));

export function RuleEditor({ rule, onSaved, onCancel }: { rule: AutomodRule | null; onSaved: (rule: AutomodRule) => void; onCancel: () => void }) {
  const spaces = useSpaces();
  const keys = useRef(0);
  const newKey = () => ++keys.current;
  const [parts, setParts] = useState<RuleParts>(() => startingParts(rule, newKey));
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The editor opens on request: bring it into view with focus on its first input.
  useEffect(() => {
    const first = formRef.current?.querySelector('input');
    first?.focus();
    first?.scrollIntoView({ block: 'center' });
  }, []);
  const save = useAction(async (form: HTMLFormElement) => {
    test.setProblem(null);
    const read = readRule(form, parts);
    if (!read.ok) return read.problem;
    const result = rule
      ? await call(api.PUT('/api/moderation/automod/rules/{id}', { params: { path: { id: rule.id } }, body: read.rule }))
      : await call(api.POST('/api/moderation/automod/rules', { body: read.rule }));
    if (!result.ok) return fromServer(result.problem);
    onSaved(result.data);
  });
  const test = useAction(async () => {
    const form = formRef.current;
    if (!form) return;
    save.setProblem(null);
    const read = readRule(form, parts);
    if (!read.ok) return read.problem;
    const result = await call(api.POST('/api/moderation/automod/dry-run', { body: { rule: read.rule, days: Number(formText(form)('days')) || 30 } }));
    if (!result.ok) return fromServer(result.problem);
    setDryRun(result.data);
  });
  const problem = test.problem ?? save.problem;
  const errorOf = (field: string) => (problem?.field === field ? problem.message : undefined);
  const spaceList = spaces.data?.items ?? [];
  return (
    <form ref={formRef} onSubmit={submitForm(save)} class="panel rule-editor" aria-labelledby="rule-editor-title">
      <h3 id="rule-editor-title">{rule ? `Edit “${rule.name}”` : 'New rule'}</h3>
      <Field label="Name" name="name" required maxLength={100} defaultValue={rule?.name ?? ''} error={errorOf('name')} />
      <Checkbox label="Enabled" name="enabled" defaultChecked={rule?.enabled ?? false} hint="New rules start switched off: dry-run them first." />
      <fieldset>
        <legend>When all of these match</legend>
        <PartList group="conditions" noun="Condition" parts={parts.conditions} specs={conditionSpecs} types={conditionTypes} spaces={spaceList} errorOf={errorOf} newKey={newKey} onChange={(conditions) => setParts({ ...parts, conditions })} />
      </fieldset>
      <fieldset>
        <legend>Do this</legend>
        <PartList group="actions" noun="Action" parts={parts.actions} specs={actionSpecs} types={actionTypes} spaces={spaceList} errorOf={errorOf} newKey={newKey} onChange={(actions) => setParts({ ...parts, actions })} />
      </fieldset>
      <TextArea label="Message to the author" name="message" rows={2} maxLength={500} defaultValue={rule?.message ?? ''} hint="Shown when their post is held or refused" error={errorOf('message')} />
      <Field label="Guideline" name="guideline" maxLength={100} defaultValue={rule?.guideline ?? ''} hint="The guidelines section the rule cites" error={errorOf('guideline')} />
      <FormAlert problem={problem} />
      <div class="form-actions">
        <SubmitButton pending={save.pending} pendingLabel="Saving…">
          Save rule
        </SubmitButton>
        <Select label="Dry-run over" name="days" defaultValue="30" options={dayOptions} />
        <button type="button" class="button button-secondary" disabled={test.pending} aria-busy={test.pending ? 'true' : undefined} onClick={() => void test.run()}>
          {test.pending ? 'Running…' : 'Dry-run'}
        </button>
        <button type="button" class="button button-link" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <div aria-live="polite">{dryRun && <DryRunResult result={dryRun} />}</div>
    </form>
  );
}
