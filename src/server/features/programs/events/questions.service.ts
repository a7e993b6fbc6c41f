// AMA questions: members ask before and during the event and upvote each other's questions (once
// each); the host (the creator) or staff answer one in the event topic, quoting it, and the asker hears.
import type { AppContext } from '../../../context';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { requireMember, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { renderMarkdown } from '../../discussions';
import { isHost, type EventDeps, type EventsService } from './events.service';
import { presentQuestion } from './events.presenter';
import { eventLimits, type AnswerBody, type QuestionBody, type QuestionList, type QuestionListQuery, type QuestionView } from './events.schema';
import type { EventRow } from './events.store';
import { addVote, claimAnswer, findQuestion, insertQuestion, listQuestions, releaseAnswer, removeVote, setAnswerPost, topicLink, votedAmong, type QuestionRow } from './questions.store';

/** The Markdown of an answer: the question quoted (with who asked), then the answer. */
export function answerMarkdown(question: Pick<QuestionRow, 'body' | 'username' | 'display_name'>, eventId: number, answer: string): string {
  const who = question.username ? `@${question.username}` : question.display_name;
  const quoted = question.body.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
  return `> **Question from ${who}** ([AMA](/events/${eventId})):\n>\n${quoted.join('\n')}\n\n${answer}`;
}

export function createQuestionsService(ctx: AppContext, deps: EventDeps, events: Pick<EventsService, 'visibleEvent'>) {
  const db = ctx.database.db;

  async function amaEvent(actor: Actor, eventId: number) {
    const visible = await events.visibleEvent(actor, eventId);
    if (!visible.row.ama) throw notFound('This event takes no questions (it is not an AMA)');
    return visible;
  }

  function requireOpen(row: EventRow, at: Date): void {
    if (row.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was cancelled');
    if (row.ends_at.getTime() <= at.getTime()) throw new AppError('event_ended', 'This AMA is over');
  }

  async function present(actor: Actor, row: EventRow, questions: readonly QuestionRow[]): Promise<QuestionView[]> {
    const voted = actor ? await votedAmong(db, actor.memberId, questions.map((q) => q.id)) : new Set<number>();
    const topic = row.topic_id === null ? null : await topicLink(db, row.topic_id);
    return questions.map((q) => presentQuestion(q, voted.has(q.id), topic ?? null));
  }

  async function presentOne(actor: Actor, row: EventRow, questionId: number): Promise<QuestionView> {
    const question = await findQuestion(db, row.id, questionId);
    if (!question) throw notFound('Question not found');
    const [view] = await present(actor, row, [question]);
    if (!view) throw notFound('Question not found');
    return view;
  }

  return {
    async list(actor: Actor, eventId: number, query: QuestionListQuery): Promise<QuestionList> {
      const { row } = await amaEvent(actor, eventId);
      return { items: await present(actor, row, await listQuestions(db, eventId, query.sort ?? 'votes')) };
    },

    async ask(actor: Actor, eventId: number, body: QuestionBody): Promise<QuestionView> {
      const member = requireMember(actor);
      const { row, access } = await amaEvent(actor, eventId);
      if (!access.canReply) throw forbidden('You cannot take part in this space');
      const at = new Date();
      requireOpen(row, at);
      const text = body.body.trim();
      if (text.length < eventLimits.questionMin) throw invalid('body', `body needs at least ${eventLimits.questionMin} characters besides spaces`);
      const id = await ctx.database.tx(async (trx) => {
        const questionId = await insertQuestion(trx, { eventId, authorId: member.memberId, body: text, html: renderMarkdown(text), at });
        await recordActivity(trx, { memberId: member.memberId, kind: 'event.question', occurredAt: at, spaceId: row.space_id, topicId: row.topic_id, props: { eventId, questionId } });
        return questionId;
      });
      return presentOne(actor, row, id);
    },

    async vote(actor: Actor, eventId: number, questionId: number): Promise<QuestionView> {
      const member = requireMember(actor);
      const { row } = await amaEvent(actor, eventId);
      if (!(await findQuestion(db, eventId, questionId))) throw notFound('Question not found');
      if (row.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was cancelled');
      const added = await ctx.database.tx((trx) => addVote(trx, questionId, member.memberId));
      if (!added) throw new AppError('already_voted', 'You already upvoted this question');
      return presentOne(actor, row, questionId);
    },

    /** Takes the member's upvote back; nothing to take back is fine (idempotent). */
    async unvote(actor: Actor, eventId: number, questionId: number): Promise<QuestionView> {
      const member = requireMember(actor);
      const { row } = await amaEvent(actor, eventId);
      if (!(await findQuestion(db, eventId, questionId))) throw notFound('Question not found');
      await ctx.database.tx((trx) => removeVote(trx, questionId, member.memberId));
      return presentOne(actor, row, questionId);
    },

    async answer(actor: Actor, eventId: number, questionId: number, body: AnswerBody): Promise<QuestionView> {
      const host = requireMember(actor);
      const { row } = await amaEvent(actor, eventId);
      if (!isHost(actor, row)) throw forbidden('Only the host or staff can answer questions');
      const question = await findQuestion(db, eventId, questionId);
      if (!question) throw notFound('Question not found');
      if (row.topic_id === null) throw new AppError('conflict', 'This event has no topic to answer in');
      if (body.body.trim().length === 0) throw invalid('body', 'body needs at least 1 character besides spaces');
      const at = new Date();
      // Claimed first, so two hosts answering at once write one answer.
      if (!(await claimAnswer(db, questionId, host.memberId, at))) throw new AppError('already_answered', 'This question was answered already');
      let postId: number;
      try {
        const post = await deps.discussions.posts.reply(actor, row.topic_id, { body: answerMarkdown(question, eventId, body.body) });
        postId = post.id;
      } catch (error) {
        await releaseAnswer(db, questionId);
        throw error;
      }
      await setAnswerPost(db, questionId, postId);
      const view = await presentOne(actor, row, questionId);
      if (question.author_id !== host.memberId) {
        await deps.notices.send([{ memberId: question.author_id, title: 'Your question was answered', text: `The host answered your question in "${row.title}".`, url: view.answerUrl ?? `/events/${eventId}`, type: 'notice', actorId: host.memberId }]);
      }
      return view;
    },
  };
}

export type QuestionsService = ReturnType<typeof createQuestionsService>;
