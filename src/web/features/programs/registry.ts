// Each program's parts, by the kind of space they belong to. See slots.tsx for where they render.
import type { ComponentType } from 'preact';
import type { Post, Space, TopicDetail } from '../../api/types';

type Kind = Space['kind'];
export type SpaceView = ComponentType<{ space: Space }>;
export type TopicPanel = ComponentType<{ topic: TopicDetail; space: Space }>;
export type PostAction = ComponentType<{ post: Post; topic: TopicDetail; space: Space }>;

/** A space view replaces the plain topic list of spaces of that kind. */
export const spaceViews: Partial<Record<Kind, SpaceView>> = {
  // space views
};

export const topicPanels: Partial<Record<Kind, TopicPanel[]>> = {
  // topic panels
};

export const topicFooters: Partial<Record<Kind, TopicPanel[]>> = {
  // topic footers
};

export const postActions: Partial<Record<Kind, PostAction[]>> = {
  // post actions
};
