// Row types of the bug reports and their GitHub links tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface BugsTables {}
