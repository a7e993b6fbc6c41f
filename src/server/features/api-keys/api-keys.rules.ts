// Who may hold which API key scope.
import type { ApiKeyScope, Role } from '../../platform/db/schema';

/** The admin scope opens staff calls, so only staff may hold it. */
export function mayHoldScope(role: Role, scope: ApiKeyScope): boolean {
  return scope !== 'admin' || role !== 'member';
}

export const KEY_PREFIX = 'hearth_';

export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
