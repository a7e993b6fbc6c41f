// Mediation between two members in conflict: suggestions, a private conversation, cool-downs, outcomes.
export { createMediationService, type MediationDeps, type MediationService } from './mediation.service';
export { registerMediationRoutes } from './mediation.routes';
export { mediationRules } from './mediation.rules';
