// An HTTP client for tests that behaves like a browser tab: it keeps cookies, and sends the CSRF token
// it was given on every write unless told not to.
export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body (sent as is, with the given content type). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header. */
  noCsrf?: boolean;
  /** Send `Authorization: Bearer <key>` and no cookies. */
  apiKey?: string;
}

export class Client {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    else if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken && !options.noCsrf && !options.apiKey) headers['x-csrf-token'] = this.csrfToken;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    if (!options.apiKey) this.#storeCookies(response.headers);
    const text = await response.text();
    let parsed: unknown = undefined;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    const reply: Reply<T> = { status: response.status, headers: response.headers, body: parsed as T, text };
    const token = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return reply;
  }

  get<T = Record<string, unknown>>(path: string, options?: RequestOptions): Promise<Reply<T>> {
    return this.request<T>('GET', path, options);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions): Promise<Reply<T>> {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions): Promise<Reply<T>> {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions): Promise<Reply<T>> {
    return this.request<T>('PUT', path, { ...options, body });
  }
  delete<T = Record<string, unknown>>(path: string, options?: RequestOptions): Promise<Reply<T>> {
    return this.request<T>('DELETE', path, options);
  }

  #storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
