// What the "New topic" button of a space says and where it leads, by the kind of space.
import type { Space } from '../../api/types';

const actions: Record<Space['kind'], { label: string; path: string }> = {
  discussion: { label: 'New topic', path: '/new-topic' },
  qa: { label: 'Ask a question', path: '/new-topic' },
  ideas: { label: 'Suggest an idea', path: '/new-topic' },
  bugs: { label: 'Report a bug', path: '/report-bug' },
  events: { label: 'New event', path: '/events/new' },
  articles: { label: 'Write an article', path: '/new-topic' },
};

export function newTopicAction(space: Space): { label: string; href: string } {
  const action = actions[space.kind];
  return { label: action.label, href: `${action.path}?space=${space.id}` };
}
