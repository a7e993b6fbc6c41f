// Labelled inputs, the form-level alert and submit buttons: every form in the app is built from these.
import type { ComponentChildren, TargetedInputEvent } from 'preact';
import { useId } from 'preact/hooks';
import type { ApiProblem } from '../api/result';

interface FieldFrame {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Filters and search boxes are optional by nature; they skip the "(optional)" mark. */
  markOptional?: boolean;
}

function OptionalMark({ isShown }: { isShown: boolean }) {
  return isShown ? <span class="optional"> (optional)</span> : null;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldNotes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && <p class="field-hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </>
  );
}

// Explicit option lists keep the props simple; Preact's attribute types are unions that do not spread well.
interface InputOptions {
  name: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'number' | 'date' | 'datetime-local' | 'color';
  required?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  autoComplete?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  placeholder?: string;
  defaultValue?: string;
  value?: string;
  onInput?: (event: TargetedInputEvent<HTMLInputElement>) => void;
}

type InputProps = FieldFrame & InputOptions;
type CommonInputProps = Omit<InputOptions, 'type'> & { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

// Preact types <input> as a union keyed on `type`, so each type gets its own literal element.
function TypedInput({ type = 'text', ...props }: CommonInputProps & { type?: InputOptions['type'] }) {
  switch (type) {
    case 'email':
      return <input type="email" {...props} />;
    case 'password':
      return <input type="password" {...props} />;
    case 'url':
      return <input type="url" {...props} />;
    case 'search':
      return <input type="search" {...props} />;
    case 'number':
      return <input type="number" {...props} />;
    case 'date':
      return <input type="date" {...props} />;
    case 'datetime-local':
      return <input type="datetime-local" {...props} />;
    case 'color':
      return <input type="color" {...props} />;
    default:
      return <input type="text" {...props} />;
  }
}

export function Field({ label, hint, error, markOptional = true, ...input }: InputProps) {
  const id = useId();
  const described = describedBy(id, hint, error);
  return (
    <div class="field">
      <label for={id}>
        {label}
        <OptionalMark isShown={markOptional && !input.required} />
      </label>
      <TypedInput id={id} {...input} {...(error ? { 'aria-invalid': 'true' as const } : {})} {...(described ? { 'aria-describedby': described } : {})} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

type TextAreaProps = FieldFrame & { name: string; required?: boolean; maxLength?: number; rows?: number; defaultValue?: string };

export function TextArea({ label, hint, error, markOptional = true, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>
        {label}
        <OptionalMark isShown={markOptional && !textarea.required} />
      </label>
      <textarea id={id} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = FieldFrame & { name: string; options: SelectOption[]; defaultValue?: string; onChange?: (value: string) => void };

// Preact has no defaultValue for <select>, so the initial choice is marked on its option.
export function Select({ label, hint, error, name, options, defaultValue, onChange }: SelectProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === defaultValue}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

type CheckboxProps = FieldFrame & { name: string; value?: string; required?: boolean; defaultChecked?: boolean };

export function Checkbox({ label, hint, error, ...input }: CheckboxProps) {
  const id = useId();
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      <label for={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** Always in the page so screen readers announce a message as soon as it appears. */
export function FormAlert({ problem, fields = [] }: { problem: ApiProblem | null; fields?: string[] }) {
  // A message already shown next to its input is not repeated here, but still announced.
  const isShownAtField = Boolean(problem?.field && fields.includes(problem.field));
  return (
    <div class="form-alert" role="alert" aria-live="assertive">
      {problem && (isShownAtField ? <span class="visually-hidden">{problem.message}</span> : <p class="alert alert-error">{problem.message}</p>)}
    </div>
  );
}

/** A polite status line for successes ("Profile saved"). */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div class="form-status" role="status" aria-live="polite">
      {message && <p class="alert alert-success">{message}</p>}
    </div>
  );
}

export function SubmitButton({ pending, children, pendingLabel, variant = 'primary' }: { pending: boolean; children: ComponentChildren; pendingLabel?: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" class={`button button-${variant}`} disabled={pending} aria-busy={pending ? 'true' : undefined}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** Reads a submitted form's text values by input name. */
export function formText(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
