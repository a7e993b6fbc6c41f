// The editor's list of conditions or of actions: each with its kind, its inputs and a Remove button.
import { useState } from 'preact/hooks';
import type { Space } from '../../api/types';
import { Checkbox, Field, Select, TextArea } from '../../components/form';
import { inputName, type Group, type PartDraft } from './rule-read';
import { initialValues, type InputSpec, type PartSpec } from './rule-specs';

interface InputProps {
  input: InputSpec;
  name: string;
  value: string;
  error: string | undefined;
  spaces: Space[];
}

function PartInput({ input, name, value, error, spaces }: InputProps) {
  const common = { label: input.label, name, error, ...(input.hint ? { hint: input.hint } : {}) };
  switch (input.kind) {
    case 'lines':
      return <TextArea {...common} rows={3} defaultValue={value} required={!input.optional} />;
    case 'select':
      return <Select {...common} defaultValue={value} options={input.options ?? []} />;
    case 'number':
      return <Field {...common} type="number" defaultValue={value} required={!input.optional} {...(input.min !== undefined ? { min: input.min } : {})} {...(input.max !== undefined ? { max: input.max } : {})} step={input.step ?? 1} />;
    case 'spaces': {
      const chosen = new Set(value.split('\n'));
      return (
        <fieldset class="space-choices">
          <legend>{input.label}</legend>
          {spaces.map((space) => (
            <Checkbox key={space.id} label={space.name} name={name} value={String(space.id)} defaultChecked={chosen.has(String(space.id))} />
          ))}
          {error && <p class="field-error">{error}</p>}
        </fieldset>
      );
    }
    default:
      return <Field {...common} defaultValue={value} required={!input.optional} />;
  }
}

interface PartListProps<T extends string> {
  group: Group;
  /** "Condition" or "Action". */
  noun: string;
  parts: PartDraft<T>[];
  specs: Record<T, PartSpec>;
  types: T[];
  spaces: Space[];
  errorOf: (field: string) => string | undefined;
  onChange: (parts: PartDraft<T>[]) => void;
  newKey: () => number;
}

export function PartList<T extends string>({ group, noun, parts, specs, types, spaces, errorOf, onChange, newKey }: PartListProps<T>) {
  const first = types[0];
  const [adding, setAdding] = useState<T | undefined>(first);
  const typeOptions = types.map((type) => ({ value: type, label: specs[type].label }));
  const toType = (value: string) => types.find((type) => type === value);
  const setType = (key: number, value: string) => {
    const type = toType(value);
    if (type) onChange(parts.map((part) => (part.key === key ? { key, type, values: initialValues(specs[type]) } : part)));
  };
  return (
    <>
      {parts.map((part, index) => (
        <fieldset key={part.key} class="rule-part" data-testid={`rule-${group}`}>
          <legend>
            {noun} {index + 1}: {specs[part.type].label}
          </legend>
          <Select label={`${noun} ${index + 1} kind`} name={inputName(group, part.key, 'type')} defaultValue={part.type} options={typeOptions} onChange={(value) => setType(part.key, value)} />
          <div key={`${part.key}-${part.type}`} class="field-row">
            {specs[part.type].inputs.map((input) => (
              <PartInput key={input.name} input={input} name={inputName(group, part.key, input.name)} value={part.values[input.name] ?? ''} error={errorOf(`${group}.${index}.${input.name}`)} spaces={spaces} />
            ))}
          </div>
          <button type="button" class="button button-link" onClick={() => onChange(parts.filter((p) => p.key !== part.key))}>
            Remove {noun.toLowerCase()} {index + 1}
          </button>
        </fieldset>
      ))}
      {errorOf(group) && <p class="field-error">{errorOf(group)}</p>}
      <div class="inline-form">
        <Select label={`New ${noun.toLowerCase()}`} name={`${group}-new`} defaultValue={first} options={typeOptions} onChange={(value) => setAdding(toType(value))} />
        <button
          type="button"
          class="button button-secondary"
          onClick={() => adding && onChange([...parts, { key: newKey(), type: adding, values: initialValues(specs[adding]) }])}
        >
          Add {noun.toLowerCase()}
        </button>
      </div>
    </>
  );
}
