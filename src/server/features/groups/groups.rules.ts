// Built-in group membership follows from role and trust level.
import type { Role } from '../../platform/db/schema';

export function builtInGroupsOf(member: { role: Role; trustLevel: number } | null): string[] {
  if (!member) return ['everyone'];
  const groups = ['everyone', 'members'];
  for (let level = 0; level <= member.trustLevel; level++) groups.push(`trust_level_${level}`);
  if (member.role === 'moderator' || member.role === 'admin') groups.push('moderators');
  if (member.role === 'admin') groups.push('admins');
  return groups;
}
