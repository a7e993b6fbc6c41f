// Badges (rule-granted and by hand) and the reputation leaderboard.
export { createBadgesService, type BadgesService } from './badges.service';
export { defineBadgeJobs } from './badges.jobs';
export { registerBadgeRoutes } from './badges.routes';
export { badgeThresholds, periodStart, ranks } from './badges.rules';
