// Above a bug report's posts: its status, version and the template's fields, "affects me too", and for
// staff a close/reopen control with an optional comment (told to followers and posted on the issue).
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, type ApiProblem } from '../../../api/result';
import { FormAlert, SubmitButton, TextArea, formText } from '../../../components/form';
import { formatDateTime } from '../../../lib/format';
import { isStaff, useSession } from '../../../lib/session';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { TopicPanel } from '../registry';
import type { BugReport } from './types';
import './bugs.css';

function AffectsMe({ report, onChange }: { report: BugReport; onChange: () => void }) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [pending, setPending] = useState(false);
  const toggle = async () => {
    setPending(true);
    const params = { params: { path: { id: report.topicId } } };
    const result = await call(report.voted ? api.DELETE('/api/bug-reports/{id}/vote', params) : api.POST('/api/bug-reports/{id}/vote', params));
    setPending(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) onChange();
  };
  return (
    <>
      <button type="button" class={`button ${report.voted ? 'button-primary' : 'button-secondary'}`} aria-pressed={report.voted ? 'true' : 'false'} disabled={pending} onClick={() => void toggle()}>
        Affects me too ({report.votes})
      </button>
      {problem && <span class="small alert-error"> {problem.message}</span>}
    </>
  );
}

function StatusForm({ report, onChange }: { report: BugReport; onChange: () => void }) {
  const next = report.status === 'open' ? 'closed' : 'open';
  const action = useAction(async (form: HTMLFormElement) => {
    const comment = formText(form)('comment').trim();
    const result = await call(api.PUT('/api/bug-reports/{id}/status', { params: { path: { id: report.topicId } }, body: { status: next, ...(comment ? { comment } : {}) } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  return (
    <details class="bug-staff">
      <summary>Staff: {next === 'closed' ? 'close' : 'reopen'} the report</summary>
      <form onSubmit={submitForm(action)} aria-label={next === 'closed' ? 'Close the bug report' : 'Reopen the bug report'}>
        <TextArea label="Comment" name="comment" rows={2} maxLength={2000} hint="Sent to the reporter, voters and followers, and posted on the linked GitHub issue." />
        <FormAlert problem={action.problem} fields={['comment']} />
        <SubmitButton pending={action.pending} variant={next === 'closed' ? 'danger' : 'secondary'}>
          {next === 'closed' ? 'Close report' : 'Reopen report'}
        </SubmitButton>
      </form>
    </details>
  );
}

export const BugPanel: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const resource = useResource(() => call(api.GET('/api/bug-reports/{id}', { params: { path: { id: topic.id } } })), [topic.id, me?.id ?? null]);
  const report = resource.data;
  if (!report) return null;
  return (
    <section class="bug-panel callout" aria-label="Bug report" data-testid="bug-panel">
      <p>
        Status:{' '}
        <span class={`badge bug-status bug-status-${report.status}`} data-testid="bug-status">
          {report.status === 'open' ? 'Open' : 'Closed'}
        </span>
        {report.statusChangedAt && (
          <span class="small muted">
            {' '}
            since <time dateTime={report.statusChangedAt}>{formatDateTime(report.statusChangedAt)}</time>
          </span>
        )}{' '}
        {me && <AffectsMe report={report} onChange={resource.reload} />}
      </p>
      <details class="bug-fields-details">
        <summary>Report fields (version {report.version})</summary>
        <dl class="bug-fields">
          <dt>Steps to reproduce</dt>
          <dd>{report.steps}</dd>
          <dt>Expected behaviour</dt>
          <dd>{report.expected}</dd>
          <dt>Actual behaviour</dt>
          <dd>{report.actual}</dd>
          <dt>Version</dt>
          <dd>{report.version}</dd>
        </dl>
      </details>
      {isStaff(me) && <StatusForm key={report.status} report={report} onChange={resource.reload} />}
    </section>
  );
};
