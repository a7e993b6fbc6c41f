// Q&A rows → API shapes.
import type { QaStatsView, QuestionPage } from './qa.schema';
import type { QuestionRow, findAnswerWithAuthor, qaStats } from './qa.store';

type AnswerRow = NonNullable<Awaited<ReturnType<typeof findAnswerWithAuthor>>>;
type StatsRow = Awaited<ReturnType<typeof qaStats>>;

export function presentQuestion(row: QuestionRow): QuestionPage['items'][number] {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    slug: row.slug,
    tags: row.tags,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    answerCount: row.reply_count,
    voteCount: Number(row.vote_count),
    answered: row.accepted_post_id !== null,
    acceptedPostId: row.accepted_post_id,
    createdAt: row.created_at.toISOString(),
    lastPostedAt: row.last_posted_at.toISOString(),
  };
}

export function presentAnswer(row: AnswerRow, acceptedAt: Date, votes: number) {
  return {
    postId: row.id,
    postNumber: row.post_number,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    html: row.html,
    createdAt: row.created_at.toISOString(),
    acceptedAt: acceptedAt.toISOString(),
    votes,
  };
}

const hours = (value: number | string | null): number | null => (value === null ? null : Math.round(Number(value) * 100) / 100);

export function presentStats(spaceId: number, since: Date, row: StatsRow): QaStatsView {
  const questions = Number(row.questions);
  const answered = Number(row.answered);
  return {
    spaceId,
    since: since.toISOString(),
    questions,
    withAnswer: Number(row.with_answer),
    answered,
    answeredShare: questions === 0 ? 0 : Math.round((answered / questions) * 1000) / 1000,
    medianHoursToFirstAnswer: hours(row.first_hours),
    medianHoursToAccepted: hours(row.accepted_hours),
  };
}
