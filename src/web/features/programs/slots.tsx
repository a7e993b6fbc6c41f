// Where the community programs plug into the discussion pages. Each program registers its parts by
// space kind in registry.ts: a space view that replaces the plain topic list, panels above a topic's
// posts, panels after them, and actions on each post.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Post, Space, TopicDetail } from '../../api/types';
import { postActions, spaceViews, topicFooters, topicPanels } from './registry';

export interface ProgramTopic {
  topic: TopicDetail;
  space: Space;
}

/** The topic being read and its space, for the program parts rendered inside posts. */
export const ProgramTopicContext = createContext<ProgramTopic | null>(null);

/** The program's own view of a space, or null when the space shows the plain topic list. */
export function SpaceProgramView({ space }: { space: Space }) {
  const View = spaceViews[space.kind];
  return View ? <View space={space} /> : null;
}

export const hasSpaceProgramView = (space: Space): boolean => spaceViews[space.kind] !== undefined;

/** Program panels above a topic's posts (an idea's votes and status, an event's RSVP, an article's contents …). */
export function TopicProgramPanels({ topic, space }: ProgramTopic) {
  return (
    <>
      {(topicPanels[space.kind] ?? []).map((Panel, i) => (
        <Panel key={i} topic={topic} space={space} />
      ))}
    </>
  );
}

/** Program panels after a topic's posts (e.g. "was this helpful?"). */
export function TopicProgramFooters({ topic, space }: ProgramTopic) {
  return (
    <>
      {(topicFooters[space.kind] ?? []).map((Footer, i) => (
        <Footer key={i} topic={topic} space={space} />
      ))}
    </>
  );
}

/** Program actions on one post (accept an answer, vote it up …), inside the topic page. */
export function PostProgramActions({ post }: { post: Post }) {
  const context = useContext(ProgramTopicContext);
  if (!context) return null;
  return (
    <>
      {(postActions[context.space.kind] ?? []).map((Action, i) => (
        <Action key={i} post={post} topic={context.topic} space={context.space} />
      ))}
    </>
  );
}
