// Invites and advocacy: personal invite links, sign-ups attributed to their inviter, the advocates list.
export { createInvitesService, type InvitesService } from './invites.service';
export { registerInviteRoutes } from './invites.routes';
export { hashInviteCode, inviteLimits, inviteStatus, newInviteCode } from './invites.rules';
