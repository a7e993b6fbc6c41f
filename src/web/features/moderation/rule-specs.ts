// Automod conditions and actions as data for the rule editor: a label, and the inputs each one needs.
import type { RuleAction, RuleCondition } from './types';

export type ConditionType = RuleCondition['type'];
export type ActionType = RuleAction['type'];

export interface InputSpec {
  name: string;
  label: string;
  /** lines: one item a line (a list) · spaces: checkboxes of the spaces. */
  kind: 'text' | 'lines' | 'number' | 'select' | 'spaces';
  hint?: string;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  options?: { value: string; label: string }[];
  initial?: string;
}

export interface PartSpec {
  label: string;
  inputs: InputSpec[];
}

export const conditionSpecs: Record<ConditionType, PartSpec> = {
  words: { label: 'Contains words', inputs: [{ name: 'words', label: 'Words or phrases', kind: 'lines', hint: 'One a line; any one matches (whole words, any case)' }] },
  regex: {
    label: 'Matches a pattern',
    inputs: [
      { name: 'pattern', label: 'Regular expression', kind: 'text', hint: 'JavaScript syntax, without the slashes' },
      { name: 'flags', label: 'Flags', kind: 'text', optional: true, hint: 'Any of i, m, s, u' },
    ],
  },
  links: {
    label: 'Has links',
    inputs: [
      { name: 'min', label: 'At least this many links', kind: 'number', min: 1, max: 100, initial: '1' },
      { name: 'domains', label: 'Only links to these domains', kind: 'lines', optional: true, hint: 'One a line; subdomains count too' },
    ],
  },
  mentions: { label: 'Mentions many members', inputs: [{ name: 'min', label: 'At least this many @mentions', kind: 'number', min: 1, max: 100, initial: '5' }] },
  trustLevel: { label: 'Author\'s trust level', inputs: [{ name: 'max', label: 'Trust level at most', kind: 'number', min: 0, max: 4, initial: '0' }] },
  accountAge: { label: 'New account', inputs: [{ name: 'maxHours', label: 'Account younger than (hours)', kind: 'number', min: 0, max: 87600, step: 'any', initial: '24' }] },
  postCount: { label: 'Few earlier posts', inputs: [{ name: 'max', label: 'Earlier posts at most', kind: 'number', min: 0, max: 100000, initial: '0' }] },
  space: { label: 'In certain spaces', inputs: [{ name: 'spaceIds', label: 'Spaces', kind: 'spaces' }] },
  rate: {
    label: 'Posting fast',
    inputs: [
      { name: 'posts', label: 'This post is at least the Nth', kind: 'number', min: 2, max: 1000, initial: '3' },
      { name: 'seconds', label: 'Within seconds', kind: 'number', min: 1, max: 86400, initial: '60' },
    ],
  },
  duplicate: { label: 'Repeats an earlier post', inputs: [{ name: 'withinHours', label: 'Within hours', kind: 'number', min: 0, max: 24, step: 'any', initial: '1' }] },
  classifier: {
    label: 'Classifier score',
    inputs: [
      { name: 'model', label: 'Model', kind: 'select', initial: 'spam', options: [{ value: 'spam', label: 'Spam' }, { value: 'abuse', label: 'Abuse' }] },
      { name: 'label', label: 'Label', kind: 'text', initial: 'spam', hint: 'spam for the spam model; hate or offensive for the abuse model' },
      { name: 'minScore', label: 'Score at least (0 to 1)', kind: 'number', min: 0, max: 1, step: 0.01, initial: '0.9' },
    ],
  },
};

export const actionSpecs: Record<ActionType, PartSpec> = {
  hold: { label: 'Hold the post for review', inputs: [] },
  reject: { label: 'Refuse the post', inputs: [] },
  flag: { label: 'Flag it for the moderators', inputs: [] },
  tag: { label: 'Tag the topic', inputs: [{ name: 'tag', label: 'Tag', kind: 'text', hint: 'Lower-case letters, digits and dashes' }] },
  silence: { label: 'Silence the author', inputs: [{ name: 'hours', label: 'For hours', kind: 'number', min: 1, max: 720, initial: '24' }] },
  notifyModerators: { label: 'Notify the moderators', inputs: [] },
};

export const conditionTypes = Object.keys(conditionSpecs) as ConditionType[];
export const actionTypes = Object.keys(actionSpecs) as ActionType[];

/** The starting values of a new condition or action of this kind. */
export function initialValues(spec: PartSpec): Record<string, string> {
  return Object.fromEntries(spec.inputs.map((input) => [input.name, input.initial ?? '']));
}

/** A stored condition or action as input values: lists one item a line. */
export function valuesOf(part: object): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(part)) {
    if (name !== 'type') values[name] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return values;
}
