// Trust levels: earned from participation (daily job), granted by hand at 4, and the posting limits of each level.
export { createTrustService, type TrustDeps, type TrustService } from './trust.service';
export { registerTrustRoutes } from './trust.routes';
export { defineTrustJobs } from './trust.jobs';
export { checkPostingLimits, type PostingDraft } from './posting-limits';
export { earnedLevel, nextLevel, progressToward, type TrustCounts, type TrustStats } from './trust.rules';
export { contentCounts, contentRefusal, limitsFor, rateRefusal } from './posting-limits.rules';
