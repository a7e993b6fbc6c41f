// Flags on posts and members: weighted by trust and accuracy, hiding a post at the threshold, settled
// by the review queue's decisions.
export { createFlagsService, type FlagDeps, type FlagsService } from './flags.service';
export { registerFlagRoutes } from './flags.routes';
export { notifyFlaggers, settleFlags, type FlagOutcome } from './settle';
export { accuracyFactor, baseWeight, baseWeights, flagWeight, hidesPost, STAFF_FLAG_WEIGHT, tallyReasons } from './flags.rules';
