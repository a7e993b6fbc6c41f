// Sends email through the job queue (retries with backoff) when SMTP is configured, or writes it to
// the log at once when it is not.
import type { Jobs } from '../jobs/jobs';
import type { MailMessage, Mailer } from './mailer';

export const MAIL_QUEUE = 'mail.send';

export function defineMailJob(jobs: Jobs, mailer: Mailer): void {
  jobs.define<MailMessage>({ queue: MAIL_QUEUE, retryLimit: 5, retryDelaySeconds: 10, handler: (message) => mailer.send(message) });
}

export async function sendMail(deps: { mailer: Mailer; jobs: Jobs }, message: MailMessage): Promise<void> {
  if (!deps.mailer.delivers) {
    await deps.mailer.send(message);
    return;
  }
  await deps.jobs.send(MAIL_QUEUE, message);
}
