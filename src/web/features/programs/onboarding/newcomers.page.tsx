// /newcomers: topics by new members that nobody has answered yet, oldest first; overdue ones stand out.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading, RequireMember } from '../../../components/guards';
import { Link } from '../../../components/link';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/site';
import { usePagedList } from '../../../lib/use-paged-list';
import { useResource } from '../../../lib/use-resource';
import { spacePath, topicPath } from '../../discussions/paths';
import type { NewcomerTopic } from './types';
import './onboarding.css';

function age(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

function Row({ item }: { item: NewcomerTopic }) {
  return (
    <tr class={item.overdue ? 'newcomer-overdue' : undefined} data-testid="newcomer-row" data-overdue={item.overdue ? 'true' : 'false'}>
      <th scope="row">
        <Link href={topicPath(item.topic)}>{item.topic.title}</Link>
      </th>
      <td>{item.author.username ? <Link href={`/u/${encodeURIComponent(item.author.username)}`}>{item.author.displayName}</Link> : item.author.displayName}</td>
      <td>
        <Link href={spacePath(item.space)}>{item.space.name}</Link>
      </td>
      <td>
        <time dateTime={item.topic.createdAt} title={formatDateTime(item.topic.createdAt)}>
          {age(item.ageHours)}
        </time>
      </td>
      <td>{item.overdue ? <span class="badge badge-danger">Overdue</span> : <span class="badge">Waiting</span>}</td>
    </tr>
  );
}

function Queue() {
  const head = useResource(() => call(api.GET('/api/onboarding/newcomers', { params: { query: { limit: 1 } } })), []);
  const list = usePagedList((cursor) => call(api.GET('/api/onboarding/newcomers', { params: { query: { limit: 30, ...(cursor ? { cursor } : {}) } } })), 'all');
  if (head.status === 'failed' && head.problem.status === 403) {
    return <p>This page is for staff and the welcome helpers.</p>;
  }
  const hours = head.data?.responseHours;
  const overdue = list.items.filter((i) => i.overdue).length;
  return (
    <>
      <p>
        Topics started by members in their first {head.data?.newcomerDays ?? '…'} days that nobody else has answered yet, oldest first.
        {hours !== undefined && ` Aim to answer within ${hours} hours.`}
      </p>
      <p role="status" data-testid="newcomers-summary">
        {list.isLoading && list.items.length === 0 ? '' : `${list.items.length} waiting${overdue ? `, ${overdue} overdue` : ''}${list.hasMore ? ' (more below)' : ''}.`}
      </p>
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      {list.items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Newcomers' topics waiting for an answer</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Newcomer</th>
                <th scope="col">Space</th>
                <th scope="col">Waiting</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <Row key={item.topic.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      ) : list.isLoading ? (
        <Loading />
      ) : (
        !list.problem && <p class="muted">Every newcomer has an answer. Nice work!</p>
      )}
      {list.hasMore && (
        <button type="button" class="button button-secondary" disabled={list.isLoading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </>
  );
}

export function NewcomersPage() {
  useTitle('Newcomers');
  return (
    <section>
      <h1>Newcomers waiting for an answer</h1>
      <RequireMember>{() => <Queue />}</RequireMember>
    </section>
  );
}
