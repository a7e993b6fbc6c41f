// Row types of the onboarding and invites tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface OnboardingTables {}
