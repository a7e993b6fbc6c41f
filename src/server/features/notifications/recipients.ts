// Whether a member who is to be notified may see a space (rights can change after a post was written
// or a bookmark made): asked as the member themselves, through the discussions rules.
import { AppError } from '../../platform/errors';
import { memberPrincipal, type Principal } from '../../platform/http/principal';
import type { DiscussionsAccess } from './notifications.service';
import type { RecipientRow } from './notifications.store';

/** The recipient as a viewer, to ask the discussions rules what they may see. */
function asViewer(r: RecipientRow): Principal {
  return memberPrincipal({ memberId: r.member_id, username: r.username, role: r.role, trustLevel: r.trust_level }, 'read');
}

export async function recipientMaySee(discussions: DiscussionsAccess, recipient: RecipientRow, spaceId: number): Promise<boolean> {
  try {
    return (await discussions.spaces.visible(asViewer(recipient), spaceId)).access.canSee;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return false;
    throw error;
  }
}
