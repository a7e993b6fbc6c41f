// Reads the rule editor's inputs into an automod rule, naming the input at fault when one is wrong.
import type { ApiProblem } from '../../api/result';
import type { ActionType, ConditionType } from './rule-specs';
import type { RuleAction, RuleCondition, RuleInput } from './types';

export type Group = 'conditions' | 'actions';

export interface PartDraft<T extends string> {
  /** Stable while the part is edited, so inputs keep their values when others are added or removed. */
  key: number;
  type: T;
  values: Record<string, string>;
}

export interface RuleParts {
  conditions: PartDraft<ConditionType>[];
  actions: PartDraft<ActionType>[];
}

export function inputName(group: Group, key: number, name: string): string {
  return `${group}-${key}-${name}`;
}

/** The server names fields `conditions/0/pattern` or `conditions.0.pattern`; the editor uses the second. */
export function normalizeField(field: string | undefined): string | undefined {
  return field?.replace(/\//g, '.');
}

class InputProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function partReader(data: FormData, group: Group, key: number, index: number) {
  const raw = (name: string) => {
    const value = data.get(inputName(group, key, name));
    return typeof value === 'string' ? value.trim() : '';
  };
  const fail = (name: string, message: string): never => {
    throw new InputProblem(`${group}.${index}.${name}`, message);
  };
  return {
    text: (name: string) => raw(name) || fail(name, 'Fill this in.'),
    optionalText: (name: string) => raw(name),
    list: (name: string) => raw(name).split('\n').map((item) => item.trim()).filter(Boolean),
    all: (name: string) => data.getAll(inputName(group, key, name)).filter((value): value is string => typeof value === 'string'),
    number: (name: string) => {
      const value = raw(name);
      const parsed = Number(value);
      return value !== '' && Number.isFinite(parsed) ? parsed : fail(name, 'Enter a number.');
    },
    fail,
  };
}

type Reader = ReturnType<typeof partReader>;

function readCondition(type: ConditionType, r: Reader): RuleCondition {
  switch (type) {
    case 'words': {
      const words = r.list('words');
      return words.length ? { type, words } : r.fail('words', 'Add at least one word or phrase.');
    }
    case 'regex': {
      const flags = r.optionalText('flags');
      return { type, pattern: r.text('pattern'), ...(flags ? { flags } : {}) };
    }
    case 'links': {
      const domains = r.list('domains');
      return { type, ...(r.optionalText('min') ? { min: r.number('min') } : {}), ...(domains.length ? { domains } : {}) };
    }
    case 'mentions':
      return { type, min: r.number('min') };
    case 'trustLevel':
      return { type, max: r.number('max') };
    case 'accountAge':
      return { type, maxHours: r.number('maxHours') };
    case 'postCount':
      return { type, max: r.number('max') };
    case 'space': {
      const spaceIds = r.all('spaceIds').map(Number);
      return spaceIds.length ? { type, spaceIds } : r.fail('spaceIds', 'Choose at least one space.');
    }
    case 'rate':
      return { type, posts: r.number('posts'), seconds: r.number('seconds') };
    case 'duplicate':
      return { type, withinHours: r.number('withinHours') };
    case 'classifier':
      return { type, model: r.text('model') === 'abuse' ? 'abuse' : 'spam', label: r.text('label'), minScore: r.number('minScore') };
  }
}

function readAction(type: ActionType, r: Reader): RuleAction {
  if (type === 'tag') return { type, tag: r.text('tag') };
  if (type === 'silence') return { type, hours: r.number('hours') };
  return { type };
}

export function readRule(form: HTMLFormElement, parts: RuleParts): { ok: true; rule: RuleInput } | { ok: false; problem: ApiProblem } {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  try {
    if (!text('name')) throw new InputProblem('name', 'Give the rule a name.');
    if (parts.conditions.length === 0) throw new InputProblem('conditions', 'Add at least one condition.');
    if (parts.actions.length === 0) throw new InputProblem('actions', 'Add at least one action.');
    const rule: RuleInput = {
      name: text('name'),
      enabled: data.get('enabled') === 'on',
      conditions: parts.conditions.map((part, index) => readCondition(part.type, partReader(data, 'conditions', part.key, index))),
      actions: parts.actions.map((part, index) => readAction(part.type, partReader(data, 'actions', part.key, index))),
      ...(text('message') ? { message: text('message') } : {}),
      ...(text('guideline') ? { guideline: text('guideline') } : {}),
    };
    return { ok: true, rule };
  } catch (error) {
    if (!(error instanceof InputProblem)) throw error;
    return { ok: false, problem: { status: 0, code: 'invalid_rule', message: error.message, field: error.field } };
  }
}
