// Row types of the events, RSVPs and AMA questions tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface EventsTables {}
