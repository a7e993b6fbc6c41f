// Email digests (an activity summary for members who are away), notification emails while away,
// email preferences and the signed one-click unsubscribe.
import type { AppContext } from '../../context';
import { serverSecret } from '../../platform/safety/server-secret';
import type { SettingsService } from '../settings';
import { defineDigestJobs } from './digests.jobs';
import { createDigestsService, type DigestsService, type SpacesAccess } from './digests.service';
import { createPreferencesService, type PreferencesService } from './preferences.service';

export { registerDigestRoutes } from './digests.routes';
export type { DigestRunReport } from './digests.service';

export interface Digests {
  digests: DigestsService;
  preferences: PreferencesService;
}

/** Builds the services and defines the jobs (before the job queue starts). */
export function createDigests(ctx: AppContext, spaces: SpacesAccess, settings: Pick<SettingsService, 'get'>): Digests {
  const secret = serverSecret(ctx.database.db, ctx.config.secret);
  const digests = createDigestsService(ctx, spaces, settings, secret);
  defineDigestJobs(ctx, digests);
  return { digests, preferences: createPreferencesService(ctx, secret) };
}
