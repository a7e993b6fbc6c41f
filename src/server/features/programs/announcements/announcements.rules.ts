// Pure decisions for announcements: their state at a time, and a valid window.

export type AnnouncementState = 'scheduled' | 'active' | 'ended';

export function announcementState(startsAt: Date, endsAt: Date | null, now: Date): AnnouncementState {
  if (startsAt.getTime() > now.getTime()) return 'scheduled';
  if (endsAt !== null && endsAt.getTime() <= now.getTime()) return 'ended';
  return 'active';
}

/** An end must come after the start; returns the problem, or null. */
export function windowProblem(startsAt: Date, endsAt: Date | null): string | null {
  if (endsAt !== null && endsAt.getTime() <= startsAt.getTime()) return 'endsAt must be after startsAt';
  return null;
}

/** Guests see announcements for everyone; members see those for members too. */
export function audiencesFor(signedIn: boolean): ('everyone' | 'members')[] {
  return signedIn ? ['everyone', 'members'] : ['everyone'];
}
