// Who may change whose account.
import type { Role } from '../../platform/db/schema';

const rank: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

/** Moderators may suspend members; admins may suspend anyone but admins. Nobody suspends themselves. Lifting a suspension follows the same rule. */
export function canSuspend(actor: { memberId: number; role: Role }, target: { id: number; role: Role }): boolean {
  if (actor.memberId === target.id) return false;
  if (actor.role === 'admin') return target.role !== 'admin';
  return rank[actor.role] > rank[target.role];
}

/** The last admin cannot stop being one. */
export function wouldRemoveLastAdmin(currentRole: Role, newRole: Role, adminCount: number): boolean {
  return currentRole === 'admin' && newRole !== 'admin' && adminCount <= 1;
}
