// The fields of a space, shared by the "New space" and "Edit space" forms of the admin Spaces tab.
import { fieldError, type ApiProblem } from '../../api/result';
import type { Space } from '../../api/types';
import { Field, Select, TextArea, formText } from '../../components/form';

export const kindOptions: { value: Space['kind']; label: string }[] = [
  { value: 'discussion', label: 'Discussions' },
  { value: 'qa', label: 'Q&A: questions with accepted answers' },
  { value: 'ideas', label: 'Ideas board: votes and statuses' },
  { value: 'bugs', label: 'Bug reports, synced with GitHub' },
  { value: 'events', label: 'Events and AMAs' },
  { value: 'articles', label: 'Knowledge base: articles' },
];

export const kindLabel = (kind: Space['kind']): string => kindOptions.find((k) => k.value === kind)?.label.split(':')[0] ?? kind;

const visibilityOptions = [
  { value: 'public', label: 'Public: everyone can read' },
  { value: 'private', label: 'Private: staff and granted groups only' },
];

export interface SpaceFields {
  name: string;
  slug: string;
  description: string;
  color: string;
  kind: Space['kind'];
  visibility: Space['visibility'];
}

export function readSpaceFields(form: HTMLFormElement): SpaceFields {
  const text = formText(form);
  return {
    name: text('name').trim(),
    slug: text('slug').trim(),
    description: text('description').trim(),
    color: text('color'),
    kind: text('kind') as Space['kind'],
    visibility: text('visibility') === 'private' ? 'private' : 'public',
  };
}

export function SpaceFieldset({ space, problem }: { space?: Space; problem: ApiProblem | null }) {
  return (
    <>
      <div class="field-row">
        <Field label="Name" name="name" required maxLength={80} defaultValue={space?.name} error={fieldError(problem, 'name')} />
        <Field
          label="Slug"
          name="slug"
          required
          minLength={2}
          maxLength={50}
          pattern="[a-z0-9][a-z0-9\-]*"
          hint="Lower-case letters, digits and -, used in links"
          defaultValue={space?.slug}
          error={fieldError(problem, 'slug')}
        />
      </div>
      <TextArea label="Description" name="description" maxLength={1000} rows={2} defaultValue={space?.description} error={fieldError(problem, 'description')} />
      <div class="field-row">
        <Select label="Kind" name="kind" options={kindOptions} defaultValue={space?.kind ?? 'discussion'} error={fieldError(problem, 'kind')} />
        <Select label="Visibility" name="visibility" options={visibilityOptions} defaultValue={space?.visibility ?? 'public'} error={fieldError(problem, 'visibility')} />
        <Field label="Colour" name="color" type="color" defaultValue={space?.color ?? '#2563eb'} error={fieldError(problem, 'color')} />
      </div>
    </>
  );
}
