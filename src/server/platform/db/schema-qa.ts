// Row types of the Q&A answers, votes, reputation and badges tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface QaTables {}
