// The optional sanction that goes with a queue decision: a kind, and a length for those that end.
import { useState } from 'preact/hooks';
import { Select } from '../../components/form';
import type { SanctionKind } from './types';
import { durationOptions, sanctionKinds as kinds, sanctionLabels } from './words';

export function toSanctionKind(value: string): SanctionKind | undefined {
  return kinds.find((kind) => kind === value);
}

/** The sanction named by the form's `sanction` and `hours` inputs, if any. */
export function readSanction(text: (name: string) => string): { kind: SanctionKind; hours?: number } | undefined {
  const kind = toSanctionKind(text('sanction'));
  if (!kind) return undefined;
  const hours = Number(text('hours'));
  return kind !== 'warning' && hours > 0 ? { kind, hours } : { kind };
}

export function SanctionFields({ who }: { who: string }) {
  const [kind, setKind] = useState('');
  return (
    <fieldset class="sanction-fields">
      <legend>Sanction {who} too (optional)</legend>
      <div class="field-row">
        <Select label="Sanction" name="sanction" defaultValue="" onChange={setKind} options={[{ value: '', label: 'None' }, ...kinds.map((k) => ({ value: k, label: sanctionLabels[k] }))]} />
        {kind !== '' && kind !== 'warning' && <Select label="For how long" name="hours" defaultValue="" options={durationOptions} />}
      </div>
    </fieldset>
  );
}
