// The typed API client. Every cookie-authenticated write carries the session's CSRF token.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Me = components['schemas']['Me'];
export type Role = Me['role'];

let csrfToken: string | null = null;

/** Called by the session state whenever the session (and so its token) changes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !readOnlyMethods.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrfHeader);
