// Row types of the ideas boards tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface IdeasTables {}
