// Turns openapi-fetch outcomes (and network failures) into one result type with a message fit for people.
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem };

interface Outcome<D, E> {
  data?: D;
  error?: E;
  response: Response;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function rateLimitMessage(response: Response): string {
  const seconds = Number(response.headers.get('retry-after'));
  if (!Number.isFinite(seconds) || seconds <= 0) return 'Too many attempts. Please wait a moment and try again.';
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}

export function toProblem(error: unknown, response: Response): ApiProblem {
  const body = isRecord(error) && isRecord(error.error) ? error.error : {};
  const code = typeof body.code === 'string' ? body.code : 'http_error';
  const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
  let message = typeof body.message === 'string' ? body.message : `The server answered ${response.status} ${response.statusText}.`;
  // Slow mode and trust-level limits explain themselves (and when to try again); plain rate limits get a friendly wait.
  if (response.status === 429 && code !== 'slow_mode' && code !== 'trust_limit') message = rateLimitMessage(response);
  if (response.status >= 500 && requestId) message = `${message} (reference ${requestId})`;
  const problem: ApiProblem = { status: response.status, code, message };
  if (typeof body.field === 'string') problem.field = body.field;
  if (requestId) problem.requestId = requestId;
  return problem;
}

const networkProblem: ApiProblem = {
  status: 0,
  code: 'network_error',
  message: 'Could not reach the server. Check your connection and try again.',
};

/** Awaits an API call; never throws. */
export async function call<D, E>(pending: Promise<Outcome<D, E>>): Promise<ApiResult<D>> {
  try {
    const { data, error, response } = await pending;
    if (!response.ok) return { ok: false, problem: toProblem(error, response) };
    return { ok: true, data: data as D };
  } catch {
    return { ok: false, problem: networkProblem };
  }
}

/** The message for one input, when the server named it as the field at fault. */
export function fieldError(problem: ApiProblem | null, field: string): string | undefined {
  return problem?.field === field ? problem.message : undefined;
}
