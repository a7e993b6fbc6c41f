// Row types of the articles, announcements and scheduled publishing tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface ArticlesTables {}
