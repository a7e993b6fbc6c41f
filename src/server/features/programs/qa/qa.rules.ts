// Pure Q&A decisions: what may be accepted or voted on, who may accept, and who earns reputation.
import { AppError, type ErrorCode } from '../../../platform/errors';

export interface AnswerFacts {
  /** The kind of the space the post's topic is in. */
  kind: string;
  topicId: number;
  postNumber: number;
  authorId: number;
  askerId: number;
}

export interface Problem {
  code: ErrorCode;
  message: string;
}

export const isQaSpace = (kind: string): boolean => kind === 'qa';

/** Why this post cannot be the accepted answer of topicId, or null when it can. */
export function acceptProblem(post: AnswerFacts, topicId: number): Problem | null {
  if (!isQaSpace(post.kind)) return { code: 'not_qa_space', message: 'Only topics in a Q&A space have accepted answers' };
  if (post.topicId !== topicId) return { code: 'not_an_answer', message: 'That post belongs to another topic' };
  if (post.postNumber === 1) return { code: 'not_an_answer', message: 'The question itself cannot be its answer' };
  return null;
}

/** Why voterId cannot vote this post up, or null when they can. */
export function voteProblem(post: AnswerFacts, voterId: number): Problem | null {
  if (!isQaSpace(post.kind)) return { code: 'not_qa_space', message: 'Only answers in a Q&A space can be voted up' };
  if (post.postNumber === 1) return { code: 'not_an_answer', message: 'Only answers can be voted up, not the question' };
  if (post.authorId === voterId) return { code: 'own_post', message: 'You cannot vote for your own answer' };
  return null;
}

export function raise(problem: Problem | null): void {
  if (problem) throw new AppError(problem.code, problem.message, problem.code === 'not_an_answer' ? { field: 'postId' } : {});
}

/** The asker, staff and the space's moderators may accept (and un-accept) an answer. */
export function mayAccept(viewer: { memberId: number; isStaff: boolean; moderatesSpace: boolean } | null, askerId: number): boolean {
  return viewer !== null && (viewer.memberId === askerId || viewer.isStaff || viewer.moderatesSpace);
}

/** An asker who accepts their own answer earns nothing for it. */
export const acceptEarns = (answerAuthorId: number, askerId: number): boolean => answerAuthorId !== askerId;

/** An answer from someone other than the asker counts towards "time to first answer". */
export const countsAsAnswer = (post: { postNumber: number; authorId: number }, askerId: number): boolean => post.postNumber > 1 && post.authorId !== askerId;
