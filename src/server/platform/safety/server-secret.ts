// The secret that signs emailed links: HEARTH_SECRET when set, otherwise one generated on first use and
// kept in the database, so every process on the database (and every restart) signs alike.
import type { Queryable } from '../db/database';
import { randomToken } from './tokens';
import { keepServerSecret } from './server-secret.store';

export function serverSecret(db: Queryable, configured: string | undefined): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    if (configured !== undefined) return Promise.resolve(configured);
    pending ??= keepServerSecret(db, randomToken(48)).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
