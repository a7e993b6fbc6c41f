// Pure decisions for invites: codes, limits and an invite's state.
import { randomToken, sha256 } from '../../../platform/safety/tokens';

export const inviteLimits = {
  /** Invites a member may have active at once (not expired, revoked or used up). */
  activePerMember: 20,
  maxUsesMax: 1000,
  expiresInDaysMin: 1,
  expiresInDaysMax: 90,
  expiresInDaysDefault: 7,
  noteMax: 200,
  /** Characters of the code kept in clear, so an inviter can tell their links apart. */
  hintLength: 4,
  /** An invited member who did something or visited in this many days counts as active. */
  activeDays: 30,
  advocatesMax: 100,
} as const;

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up';

export interface InviteState {
  max_uses: number | null;
  uses: number;
  expires_at: Date;
  revoked_at: Date | null;
}

/** 128 random bits, URL-safe (22 characters), and the hash that is stored. */
export function newInviteCode(): { code: string; hash: string; hint: string } {
  const code = randomToken(16);
  return { code, hash: hashInviteCode(code), hint: code.slice(0, inviteLimits.hintLength) };
}

export function hashInviteCode(code: string): string {
  return sha256(code.trim());
}

/** Revoked wins over used up, which wins over expired. */
export function inviteStatus(invite: InviteState, now: Date): InviteStatus {
  if (invite.revoked_at !== null) return 'revoked';
  if (invite.max_uses !== null && invite.uses >= invite.max_uses) return 'used_up';
  if (invite.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function signupUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/signup?invite=${encodeURIComponent(code)}`;
}
