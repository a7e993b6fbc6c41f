// What every feature service receives: infrastructure, no community rules.
import type { Config } from './config';
import type { Database } from './platform/db/database';
import type { EventBus } from './platform/events';
import type { CounterStore } from './platform/http/counters';
import type { Jobs } from './platform/jobs/jobs';
import type { Logger } from './platform/logger';
import type { Mailer } from './platform/mail/mailer';

export interface AppContext {
  config: Config;
  logger: Logger;
  database: Database;
  bus: EventBus;
  jobs: Jobs;
  mailer: Mailer;
  counters: CounterStore;
}
