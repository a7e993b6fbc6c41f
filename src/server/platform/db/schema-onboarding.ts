// Row types of the onboarding and invites tables (migrations/0020_onboarding_invites.sql).
import type { Generated } from 'kysely';
import type { DefaultTime, NullableTime, Time } from './schema';

export interface MemberOnboardingTable {
  member_id: number;
  welcome_sent_at: NullableTime;
  welcome_conversation_id: number | null;
  dismissed_at: NullableTime;
  updated_at: DefaultTime;
}

export interface InvitesTable {
  id: Generated<number>;
  inviter_id: number;
  code_hash: string;
  code_hint: string;
  note: Generated<string>;
  max_uses: number | null;
  uses: Generated<number>;
  expires_at: Time;
  revoked_at: NullableTime;
  revoked_by: number | null;
  created_at: DefaultTime;
}

export interface InviteRedemptionsTable {
  invite_id: number;
  member_id: number;
  redeemed_at: DefaultTime;
}

export interface OnboardingTables {
  member_onboarding: MemberOnboardingTable;
  invites: InvitesTable;
  invite_redemptions: InviteRedemptionsTable;
}
