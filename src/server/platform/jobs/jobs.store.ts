import type { Queryable } from '../db/database';

export async function recordJobProgress(
  db: Queryable,
  row: { jobId: string; queue: string; percent: number; message: string },
): Promise<void> {
  await db
    .insertInto('job_progress')
    .values({ job_id: row.jobId, queue: row.queue, percent: row.percent, message: row.message })
    .onConflict((oc) => oc.column('job_id').doUpdateSet({ percent: row.percent, message: row.message, updated_at: new Date() }))
    .execute();
}

/** The first record of a job, unless its worker already reported (a fast worker can beat send()). */
export async function recordJobQueued(db: Queryable, row: { jobId: string; queue: string }): Promise<void> {
  await db
    .insertInto('job_progress')
    .values({ job_id: row.jobId, queue: row.queue, percent: 0, message: 'queued' })
    .onConflict((oc) => oc.column('job_id').doNothing())
    .execute();
}

export async function readJobProgress(db: Queryable, jobId: string): Promise<{ queue: string; percent: number; message: string } | undefined> {
  return db.selectFrom('job_progress').select(['queue', 'percent', 'message']).where('job_id', '=', jobId).executeTakeFirst();
}
