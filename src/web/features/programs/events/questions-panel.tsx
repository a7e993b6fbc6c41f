// AMA questions: the ask form, upvotes (one per member), sorting, and for the host an Answer form that
// posts the answer in the event topic.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { FormAlert, SubmitButton, TextArea, formText } from '../../../components/form';
import { Link } from '../../../components/link';
import { useSession } from '../../../lib/session';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { EventView, QuestionView } from './types';

function AnswerForm({ event, question, onDone }: { event: EventView; question: QuestionView; onDone: () => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const result = await call(api.POST('/api/events/{id}/questions/{qid}/answer', { params: { path: { id: event.id, qid: question.id } }, body: { body: formText(form)('body') } }));
    if (!result.ok) return result.problem;
    onDone();
  });
  return (
    <form class="answer-form" onSubmit={submitForm(action)}>
      <TextArea label="Your answer" name="body" required rows={4} maxLength={20000} error={fieldError(action.problem, 'body')} />
      <FormAlert problem={action.problem} fields={['body']} />
      <SubmitButton pending={action.pending} pendingLabel="Posting…">
        Post answer
      </SubmitButton>
    </form>
  );
}

function QuestionItem({ event, question, onChange }: { event: EventView; question: QuestionView; onChange: () => void }) {
  const { me } = useSession();
  const [answering, setAnswering] = useState(false);
  const vote = useAction(async () => {
    const path = { params: { path: { id: event.id, qid: question.id } } };
    const result = await call(question.voted ? api.DELETE('/api/events/{id}/questions/{qid}/vote', path) : api.POST('/api/events/{id}/questions/{qid}/vote', path));
    if (!result.ok) return result.problem;
    onChange();
  });
  const by = question.author.username ?? question.author.displayName;
  return (
    <li class="question card" data-testid="question">
      <div class="question-votes">
        <span data-testid="question-votes">{question.votes}</span> {question.votes === 1 ? 'vote' : 'votes'}
        {me && (
          <button type="button" class="button button-secondary button-small" aria-pressed={question.voted ? 'true' : 'false'} disabled={vote.pending} onClick={() => void vote.run()}>
            {question.voted ? 'Remove upvote' : 'Upvote'}
          </button>
        )}
      </div>
      {/* The server renders Markdown and sanitizes the HTML. */}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: question.html }} />
      <p class="small muted">
        Asked by {by}
        {question.answeredAt && (
          <>
            {' '}
            · <span class="badge badge-answered">Answered</span> {question.answerUrl && <Link href={question.answerUrl}>Read the answer</Link>}
          </>
        )}
      </p>
      {vote.problem && <p class="alert alert-error">{vote.problem.message}</p>}
      {event.canEdit && !question.answeredAt && !answering && (
        <button type="button" class="button button-secondary button-small" onClick={() => setAnswering(true)}>
          Answer
        </button>
      )}
      {answering && !question.answeredAt && (
        <AnswerForm
          event={event}
          question={question}
          onDone={() => {
            setAnswering(false);
            onChange();
          }}
        />
      )}
    </li>
  );
}

export function QuestionsPanel({ event }: { event: EventView }) {
  const { me } = useSession();
  const [sort, setSort] = useState<'votes' | 'new'>('votes');
  const questions = useResource(() => call(api.GET('/api/events/{id}/questions', { params: { path: { id: event.id }, query: { sort } } })), [event.id, sort, me?.id]);
  const ask = useAction(async (form: HTMLFormElement) => {
    const result = await call(api.POST('/api/events/{id}/questions', { params: { path: { id: event.id } }, body: { body: formText(form)('body') } }));
    if (!result.ok) return result.problem;
    form.reset();
    questions.reload();
  });
  const open = event.cancelledAt === null && new Date(event.endsAt).getTime() > Date.now();
  const items = questions.data?.items ?? [];
  return (
    <section class="ama-panel" aria-labelledby="ama-title" data-testid="ama-panel">
      <h2 id="ama-title">Questions</h2>
      {me && open && (
        <form class="ask-form" onSubmit={submitForm(ask)}>
          <TextArea label="Ask a question" name="body" required rows={3} maxLength={2000} error={fieldError(ask.problem, 'body')} />
          <FormAlert problem={ask.problem} fields={['body']} />
          <SubmitButton pending={ask.pending} pendingLabel="Sending…">
            Ask
          </SubmitButton>
        </form>
      )}
      <div class="button-row" role="group" aria-label="Sort questions">
        <button type="button" class="button button-small button-secondary" aria-pressed={sort === 'votes' ? 'true' : 'false'} onClick={() => setSort('votes')}>
          Most upvoted
        </button>
        <button type="button" class="button button-small button-secondary" aria-pressed={sort === 'new' ? 'true' : 'false'} onClick={() => setSort('new')}>
          Newest
        </button>
      </div>
      {questions.status === 'failed' && <p class="alert alert-error">{questions.problem.message}</p>}
      {questions.status === 'ready' && items.length === 0 && <p class="muted">No questions yet.</p>}
      <ol class="question-list plain-list">
        {items.map((question) => (
          <QuestionItem key={question.id} event={event} question={question} onChange={questions.reload} />
        ))}
      </ol>
    </section>
  );
}
