// Errors are values with stable codes: services throw AppError, one handler turns it into JSON.

/** Every error code the API can answer with, and the HTTP status it goes with. */
export const errorCodes = {
  invalid_request: 400,
  weak_password: 400,
  guidelines_not_accepted: 400,
  invalid_token: 400,
  unknown_mention: 400,
  unknown_recipient: 400,
  invalid_regex: 400,
  unsafe_regex: 400,
  own_post: 400,
  invite_invalid: 400,
  ends_before_start: 400,
  publish_at_past: 400,
  not_an_answer: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_signature: 401,
  forbidden: 403,
  csrf_failed: 403,
  insufficient_scope: 403,
  account_suspended: 403,
  account_silenced: 403,
  email_unconfirmed: 403,
  account_banned: 403,
  account_pending: 403,
  cooldown_active: 403,
  own_action: 403,
  cannot_sanction_staff: 403,
  not_found: 404,
  route_not_found: 404,
  invite_not_found: 404,
  username_taken: 409,
  email_taken: 409,
  name_taken: 409,
  setup_complete: 409,
  conflict: 409,
  slug_taken: 409,
  topic_locked: 409,
  not_article: 409,
  not_pending: 409,
  topic_closed: 409,
  edit_conflict: 409,
  already_reacted: 409,
  not_voted: 409,
  not_ideas_space: 409,
  not_bugs_space: 409,
  not_linkable: 409,
  github_not_configured: 409,
  idea_merged: 409,
  already_flagged: 409,
  already_answered: 409,
  event_cancelled: 409,
  event_ended: 409,
  already_voted: 409,
  not_qa_space: 409,
  already_appealed: 409,
  already_decided: 409,
  claimed_by_other: 409,
  invite_limit: 409,
  invite_expired: 410,
  invite_revoked: 410,
  invite_used_up: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  post_rejected: 422,
  rate_limited: 429,
  slow_mode: 429,
  trust_limit: 429,
  internal_error: 500,
  github_failed: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { field?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
    this.field = options.field;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what = 'Not found'): AppError => new AppError('not_found', what);
export const forbidden = (message = 'You are not allowed to do that'): AppError => new AppError('forbidden', message);
export const invalid = (field: string, message: string): AppError => new AppError('invalid_request', message, { field });

/** PostgreSQL error codes we translate. */
export const pgCodes = { uniqueViolation: '23505', foreignKeyViolation: '23503' } as const;

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'constraint' in error && typeof error.constraint === 'string') {
    return error.constraint;
  }
  return undefined;
}
