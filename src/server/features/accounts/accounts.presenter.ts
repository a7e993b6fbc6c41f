// Account rows to API shapes. Only these shapes leave the server.
import type { MeView, PublicMember } from './accounts.schema';
import type { AccountRow } from './accounts.store';

export function toMeView(row: AccountRow): MeView {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    location: row.location,
    company: row.company,
    role: row.role,
    trustLevel: row.trust_level,
    emailConfirmed: row.email_confirmed_at !== null,
    guidelinesVersion: row.guidelines_version,
    joinedAt: row.joined_at.toISOString(),
  };
}

export function toPublicMember(row: AccountRow): PublicMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    location: row.location,
    company: row.company,
    role: row.role,
    trustLevel: row.trust_level,
    joinedAt: row.joined_at.toISOString(),
    lastSeenAt: row.last_seen_at ? row.last_seen_at.toISOString() : null,
  };
}
