// Groups of members.
export { createGroupsService, type GroupsService } from './groups.service';
export { registerGroupRoutes } from './groups.routes';
export { builtInGroupsOf } from './groups.rules';
