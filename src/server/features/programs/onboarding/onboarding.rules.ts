// Pure decisions for onboarding: the welcome text, the "start here" checklist, the newcomers' queue.

export const onboardingLimits = {
  /** The newcomers' queue looks at topics of the last this many days (older ones are history). */
  queueWindowDays: 30,
  introductionsTag: 'introductions',
} as const;

/** Fills {username}, {displayName} and {siteName}; other braces stay as written. */
export function fillPlaceholders(template: string, values: { username: string; displayName: string; siteName: string }): string {
  return template.replace(/\{(username|displayName|siteName)\}/g, (_match, key: keyof typeof values) => values[key]);
}

export type ChecklistKey = 'profile' | 'guidelines' | 'introduce' | 'first_reply';

export interface ChecklistFacts {
  username: string;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  guidelinesVersion: number | null;
  introduced: boolean;
  replied: boolean;
}

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  done: boolean;
  href: string;
}

/** A profile counts as filled in with a bio, an avatar or a display name of the member's own. */
export function profileDone(facts: Pick<ChecklistFacts, 'username' | 'displayName' | 'bio' | 'avatarUrl'>): boolean {
  const named = facts.displayName.trim() !== '' && facts.displayName.trim() !== facts.username;
  return facts.bio.trim() !== '' || (facts.avatarUrl ?? '') !== '' || named;
}

export function checklist(facts: ChecklistFacts, site: { guidelinesVersion: number; introductionsHref: string }): ChecklistItem[] {
  return [
    { key: 'profile', label: 'Fill in your profile', done: profileDone(facts), href: '/profile' },
    { key: 'guidelines', label: 'Read the community guidelines', done: (facts.guidelinesVersion ?? 0) >= site.guidelinesVersion, href: '/guidelines' },
    { key: 'introduce', label: 'Introduce yourself', done: facts.introduced, href: site.introductionsHref },
    { key: 'first_reply', label: 'Write your first reply', done: facts.replied, href: '/' },
  ];
}

/** Whole percent of items done. */
export function progressOf(items: readonly { done: boolean }[]): number {
  if (items.length === 0) return 100;
  return Math.round((items.filter((i) => i.done).length * 100) / items.length);
}

/** Where "introduce yourself" leads: a new topic in the introductions space, or one tagged introductions. */
export function introductionsHref(spaceId: number | null): string {
  return spaceId === null ? `/new-topic?tag=${onboardingLimits.introductionsTag}` : `/new-topic?space=${spaceId}`;
}

export function isOverdue(createdAt: Date, now: Date, responseHours: number): boolean {
  return now.getTime() - createdAt.getTime() > responseHours * 3_600_000;
}

/** Staff always; members of the helpers group when one is set (names compare case-insensitively). */
export function mayHelp(viewer: { isStaff: boolean; groups: readonly string[] }, helperGroup: string): boolean {
  if (viewer.isStaff) return true;
  const wanted = helperGroup.trim().toLowerCase();
  return wanted !== '' && viewer.groups.some((g) => g.toLowerCase() === wanted);
}
