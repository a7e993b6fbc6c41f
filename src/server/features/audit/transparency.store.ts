// SQL for the transparency page: moderation entries of the audit log, counted or listed without details.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import { startsWithPattern } from './audit.rules';
import type { MonthCount } from './transparency.rules';

function moderationEntries(db: Queryable, actions: readonly string[], families: readonly string[]) {
  return db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('action', 'in', [...actions]), ...families.map((f) => eb('action', 'like', startsWithPattern(f)))]));
}

export async function monthlyCounts(db: Queryable, since: Date, actions: readonly string[], families: readonly string[]): Promise<MonthCount[]> {
  const month = sql<string>`to_char(date_trunc('month', at at time zone 'UTC'), 'YYYY-MM')`;
  const rows = await moderationEntries(db, actions, families)
    .select([month.as('month'), 'action', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('at', '>=', since)
    .groupBy([month, 'action'])
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.action, count: Number(r.n) }));
}

/** The latest entries: their action, time and cited guideline only. */
export async function latestActions(db: Queryable, actions: readonly string[], families: readonly string[], limit: number) {
  return moderationEntries(db, actions, families)
    .select(['action', 'at', sql<string | null>`coalesce(after ->> 'guideline', before ->> 'guideline')`.as('guideline')])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
