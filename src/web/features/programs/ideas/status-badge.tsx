// An idea's status as a small coloured badge.
import { statusLabels, type IdeaStatus } from './types';

export function StatusBadge({ status }: { status: IdeaStatus }) {
  return (
    <span class={`badge idea-status idea-status-${status}`} data-testid="idea-status">
      {statusLabels[status]}
    </span>
  );
}
