// Pure decisions about bug reports: what members are told when a report closes or reopens.
import type { BugStatus } from '../../../platform/db/schema-bugs';

export type StatusSource = { by: 'staff'; comment: string } | { by: 'github'; issue: string };

export function statusNotice(title: string, status: BugStatus, source: StatusSource): { title: string; text: string } {
  const verb = status === 'closed' ? 'closed' : 'reopened';
  const why = source.by === 'github' ? ` after its GitHub issue ${source.issue} was ${verb}` : source.comment.trim() ? `: ${source.comment.trim().slice(0, 300)}` : '';
  return { title: `Bug report ${verb}`, text: `"${title}" was ${verb}${why}.` };
}

export function ideaIssueNotice(title: string, status: BugStatus, issue: string): { title: string; text: string } {
  const verb = status === 'closed' ? 'closed' : 'reopened';
  return { title: `Linked GitHub issue ${verb}`, text: `The GitHub issue ${issue} of the idea "${title}" was ${verb}.` };
}
