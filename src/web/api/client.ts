import type { Problem } from '../../common/schemas/shared.js';
import type { Locale } from '../../common/locale.js';

/** A failed API call, carrying the server's problem details (already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field errors keyed by dotted path, e.g. `admin.username`. */
  get fieldErrors(): { field: string; message: string }[] {
    return this.problem.errors ?? [];
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  onUnauthorized: (() => void) | null;
}

const state: ClientState = { csrfToken: null, locale: 'zh-CN', onUnauthorized: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** Called when a request made while signed in comes back 401 (the session ended). */
export function onUnauthorized(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        ...(body.detail ? { detail: body.detail } : {}),
        ...(body.errors ? { errors: body.errors } : {}),
      };
    } catch {
      // fall through to a generic problem
    }
  }
  return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A JSON request with the session's CSRF token and language; a FormData body goes as multipart. */
export async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': state.locale,
  };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      type: 'network',
      title: state.locale === 'en' ? 'The server cannot be reached' : '无法连接服务器',
      status: 0,
    });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && state.csrfToken && state.onUnauthorized) state.onUnauthorized();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data: photos and attachments. */
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, { body: form, query }),
};
