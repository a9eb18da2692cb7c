/**
 * The one way the console talks to the API, and the one place its errors are handled.
 * Responses are checked against the server's own zod schemas, so a contract drift shows up as
 * a clear error instead of a blank page.
 */
import type { z } from 'zod';
import { ApiError } from '../../server/modules/auth/auth.schema.ts';

export type ErrorDetail = NonNullable<ApiError['details']>[number];

/** An API call that failed: HTTP status (0 when the server was unreachable), code, message, details. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** query-string parameters; null/undefined/'' are left out */
  query?: Record<string, QueryValue>;
  /** sent as JSON */
  body?: unknown;
  /** sent as multipart/form-data instead of `body` */
  form?: FormData;
}

/** `/api/people` + `{ q: 'li', role: undefined }` → `/api/people?q=li` */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the API and returns the body parsed by `schema`; throws RequestError on any failure. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const body = await send(path, opts);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`response of ${path} does not match its schema`, parsed.error.issues);
    throw new RequestError(200, 'bad_response', `${path}: ${parsed.error.issues[0]?.message ?? 'unexpected response'}`);
  }
  return parsed.data;
}

/** Calls the API for its effect only (sign-out, locale change). */
export async function command(path: string, opts: RequestOptions = {}): Promise<void> {
  await send(path, opts);
}

async function send(path: string, { method = 'GET', query, body, form }: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch (e) {
    throw new RequestError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const err = ApiError.safeParse(json);
    if (err.success) throw new RequestError(res.status, err.data.error, err.data.message, err.data.details ?? []);
    throw new RequestError(res.status, 'http', `${res.status} ${res.statusText}`);
  }
  return json;
}

/** What the error handler needs from the React side; installed once by <ErrorBridge>. */
export interface ErrorSink {
  /** show a message to the person (antd message) */
  show(text: string): void;
  /** text for errors whose server message is not meant for people (network, 5xx …) */
  describe(err: RequestError): string | null;
  /** the session is gone: forget the signed-in person, which sends the router to /login */
  signedOut(): void;
}

let sink: ErrorSink = {
  show: (text) => console.error(text),
  describe: () => null,
  signedOut: () => undefined,
};

export function installErrorSink(next: ErrorSink): void {
  sink = next;
}

/** The console's one error handler: a message with the server's text; 401 goes to sign-in. */
export function handleError(err: unknown): void {
  const e =
    err instanceof RequestError ? err : new RequestError(0, 'client', err instanceof Error ? err.message : String(err));
  if (e.status === 401) sink.signedOut();
  sink.show(sink.describe(e) ?? e.message);
}

/** Whether an error is an API error with one of these statuses. */
export function hasStatus(err: unknown, ...statuses: number[]): err is RequestError {
  return err instanceof RequestError && statuses.includes(err.status);
}
