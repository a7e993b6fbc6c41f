// Named shapes of API responses, taken from the generated schema so they never drift from the server.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Success<Op> = Op extends { responses: infer R } ? (200 extends keyof R ? Json<R[200]> : 201 extends keyof R ? Json<R[201]> : never) : never;

export type SiteFacts = Success<paths['/api/site']['get']>;
export type Guidelines = Success<paths['/api/guidelines']['get']>;
export type PublicProfile = Success<paths['/api/users/{username}']['get']>;
export type StaffMember = Success<paths['/api/admin/members']['get']>['items'][number];
export type Group = Success<paths['/api/groups']['get']>['items'][number];
export type GroupMember = Success<paths['/api/groups/{id}/members']['get']>['items'][number];
export type ApiKey = Success<paths['/api/api-keys']['get']>['items'][number];
export type ApiKeyScope = ApiKey['scope'];
export type CreatedApiKey = Success<paths['/api/api-keys']['post']>;
export type SiteSettings = Success<paths['/api/admin/settings']['get']>;
export type AuditEntry = Success<paths['/api/admin/audit-log']['get']>['items'][number];
export type Space = Success<paths['/api/spaces']['get']>['items'][number];
export type Topic = Success<paths['/api/topics']['get']>['items'][number];
export type TopicDetail = Success<paths['/api/topics/{id}']['get']>;
export type Post = TopicDetail['posts'][number];
export type Reaction = Post['reactions'][number];
export type ReactionEmoji = NonNullable<paths['/api/posts/{id}/reactions']['post']['requestBody']>['content']['application/json']['emoji'];
export type Notification = Success<paths['/api/notifications']['get']>['items'][number];
export type SearchHit = Success<paths['/api/search']['get']>['items'][number];
export type MemberSuggestion = Success<paths['/api/members/autocomplete']['get']>['items'][number];
export type UnreadTopic = Success<paths['/api/topics/unread']['get']>['items'][number];
export type NotificationLevel = Success<paths['/api/spaces/{id}/notification-level']['get']>['level'];
export type Bookmark = Success<paths['/api/bookmarks']['get']>['items'][number];
export type MyHeldPosts = Success<paths['/api/topics/{id}/held-posts']['get']>;
export type TagCount = Success<paths['/api/tags']['get']>['items'][number];
export type PostExcerpt = Success<paths['/api/users/{username}/posts']['get']>['items'][number];
