// Above a bug report's or an idea's posts: its GitHub issue and sync state ("sync pending" while a
// call to GitHub waits for a retry); staff link an existing issue, create one, or unlink.
import { useEffect } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../../components/form';
import { isStaff, useSession } from '../../../lib/session';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { TopicPanel } from '../registry';
import { GitHubBadge } from './github-badge';
import type { GitHubLink } from './types';
import './bugs.css';

function StaffLinkForms({ topicId, link, onChange }: { topicId: number; link: GitHubLink | null; onChange: () => void }) {
  const params = { params: { path: { id: topicId } } };
  const linkUrl = useAction(async (form: HTMLFormElement) => {
    const result = await call(api.PUT('/api/topics/{id}/github-link', { ...params, body: { url: formText(form)('url') } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  const create = useAction(async (form: HTMLFormElement) => {
    const repo = formText(form)('repo').trim();
    const result = await call(api.PUT('/api/topics/{id}/github-link', { ...params, body: { create: true, ...(repo ? { repo } : {}) } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  const unlink = useAction(async () => {
    const result = await call(api.DELETE('/api/topics/{id}/github-link', params));
    if (!result.ok) return result.problem;
    onChange();
  });
  return (
    <details class="github-staff">
      <summary>Staff: GitHub issue</summary>
      <form onSubmit={submitForm(linkUrl)} aria-label="Link an existing GitHub issue">
        <Field label="Issue URL" name="url" type="url" required hint="https://github.com/OWNER/REPO/issues/NUMBER" error={fieldError(linkUrl.problem, 'url')} />
        <FormAlert problem={linkUrl.problem} fields={['url']} />
        <SubmitButton pending={linkUrl.pending} variant="secondary">
          Link issue
        </SubmitButton>
      </form>
      <form onSubmit={submitForm(create)} aria-label="Create a GitHub issue">
        <Field label="Repository" name="repo" pattern="[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+" hint="owner/name; empty: the default repository" error={fieldError(create.problem, 'repo')} />
        <FormAlert problem={create.problem} fields={['repo']} />
        <SubmitButton pending={create.pending} variant="secondary" pendingLabel="Creating…">
          Create issue
        </SubmitButton>
      </form>
      {link && (
        <form onSubmit={submitForm(unlink)} aria-label="Unlink the GitHub issue">
          <FormAlert problem={unlink.problem} />
          <SubmitButton pending={unlink.pending} variant="danger">
            Unlink
          </SubmitButton>
        </form>
      )}
    </details>
  );
}

export const GitHubPanel: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const resource = useResource(() => call(api.GET('/api/topics/{id}/github-link', { params: { path: { id: topic.id } } })), [topic.id]);
  const link = resource.data?.link ?? null;
  const pending = link?.syncState === 'pending';
  // While a call to GitHub waits, look again every few seconds.
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(resource.reload, 3000);
    return () => clearInterval(timer);
  }, [pending, resource.reload]);
  const staff = isStaff(me);
  if (!link && !staff) return null;
  return (
    <section class="github-panel callout" aria-label="GitHub issue" data-testid="github-panel">
      {link ? (
        <p>
          Tracked on <GitHubBadge link={link} />
          {link.syncState === 'failed' && link.lastError && <span class="small muted"> ({link.lastError})</span>}
        </p>
      ) : (
        <p class="muted">Not linked to a GitHub issue.</p>
      )}
      {staff && <StaffLinkForms topicId={topic.id} link={link} onChange={resource.reload} />}
    </section>
  );
};
