/** A small typed fetch client: sends the session cookie, the CSRF token and the UI language, and turns
 *  every error body `{code, message, details}` into an ApiError the pages can show. */
import { currentLang } from '../i18n';

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a request.invalid answer, with the `body.`/`querystring.` prefix removed. */
  fieldErrors(): FieldError[] {
    if (this.code !== 'request.invalid' || !Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string')
      .map((d) => ({ field: d.field.replace(/^(body|querystring|params)\./, ''), message: d.message }));
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

let csrfToken: string | null = null;

/** Remembered from GET /me; every mutating request must echo it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang() === 'en-US' ? 'en' : 'zh-CN',
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw errorOf(res.status, res.statusText, data);
  return data as T;
}

function networkError(): ApiError {
  const msg = currentLang() === 'en-US' ? 'Cannot reach the server' : '无法连接服务器，请检查网络后重试';
  return new ApiError(0, 'network', msg, null);
}

/** The server's error body ({ code, message, details }, the message in the user's language). */
function errorOf(status: number, statusText: string, data: unknown): ApiError {
  const e = (data ?? {}) as { code?: string; message?: string; details?: unknown };
  return new ApiError(status, e.code ?? `http.${status}`, e.message ?? statusText, e.details ?? null);
}

/** A multipart POST with the session's CSRF token; the browser sets the content type and boundary.
 *  XMLHttpRequest rather than fetch because only it reports upload progress, and an import file of up
 *  to 200 MB takes a while over an office network. */
export function postForm<T>(
  path: string,
  form: FormData,
  onProgress?: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLang() === 'en-US' ? 'en' : 'zh-CN');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (onProgress)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress((e.loaded / e.total) * 100);
      };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(errorOf(xhr.status, xhr.statusText, data));
    };
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', withQuery(path, query)),
};
