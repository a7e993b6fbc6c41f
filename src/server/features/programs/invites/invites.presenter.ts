// Invite rows → API shapes.
import { inviteStatus } from './invites.rules';
import type { InviteView } from './invites.schema';
import type { InviteRow, redemptionsOf } from './invites.store';

type RedemptionRow = Awaited<ReturnType<typeof redemptionsOf>>[number];

export function presentInvite(row: InviteRow, redemptions: readonly RedemptionRow[], now: Date): InviteView {
  return {
    id: row.id,
    hint: row.code_hint,
    note: row.note,
    maxUses: row.max_uses,
    uses: row.uses,
    status: inviteStatus(row, now),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    members: redemptions
      .filter((r) => r.invite_id === row.id)
      .map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, joinedAt: r.redeemed_at.toISOString() })),
  };
}
