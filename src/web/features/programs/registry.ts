// Each program's parts, by the kind of space they belong to. See slots.tsx for where they render.
import type { ComponentType } from 'preact';
import type { Post, Space, TopicDetail } from '../../api/types';
import { IdeaPanel } from './ideas/idea-panel';
import { BugPanel } from './bugs/bug-panel';
import { BugsSpaceView } from './bugs/bugs-space-view';
import { GitHubPanel } from './bugs/github-panel';
import { IdeasSpaceView } from './ideas/ideas-space-view';
import { AcceptedAnswerPanel } from './qa/accepted-answer-panel';
import { EventsSpaceView } from './events/events-space-view';
import { EventTopicPanel } from './events/event-topic-panel';
import { AnswerActions } from './qa/answer-actions';
import { QuestionsView } from './qa/questions-view';
import { ArticlePanel } from './articles/article-panel';
import { ArticlesSpaceView } from './articles/articles-space-view';
import { HelpfulFooter } from './articles/helpful-footer';

type Kind = Space['kind'];
export type SpaceView = ComponentType<{ space: Space }>;
export type TopicPanel = ComponentType<{ topic: TopicDetail; space: Space }>;
export type PostAction = ComponentType<{ post: Post; topic: TopicDetail; space: Space }>;

/** A space view replaces the plain topic list of spaces of that kind. */
export const spaceViews: Partial<Record<Kind, SpaceView>> = {
  // space views
  articles: ArticlesSpaceView,
  bugs: BugsSpaceView,
  ideas: IdeasSpaceView,
  events: EventsSpaceView,
  qa: QuestionsView,
};

export const topicPanels: Partial<Record<Kind, TopicPanel[]>> = {
  // topic panels
  articles: [ArticlePanel],
  bugs: [BugPanel, GitHubPanel],
  ideas: [IdeaPanel, GitHubPanel],
  events: [EventTopicPanel],
  qa: [AcceptedAnswerPanel],
};

export const topicFooters: Partial<Record<Kind, TopicPanel[]>> = {
  // topic footers
  articles: [HelpfulFooter],
};

export const postActions: Partial<Record<Kind, PostAction[]>> = {
  // post actions
  qa: [AnswerActions],
};
