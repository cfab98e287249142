/** Who sends a request: nobody, a login cookie, or a device's API key. */
export type Caller =
  | { kind: "nobody" }
  | { kind: "cookie"; cookie: string }
  | { kind: "apiKey"; secret: string };

export const nobody: Caller = { kind: "nobody" };

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape.
  json: any;
}

/**
 * One request with full control over the body bytes and content type (the fuzz tests send invalid JSON,
 * text/plain and form bodies). A hang fails the test through the timeout instead of stalling the run.
 */
export async function rawRequest(
  baseUrl: string,
  options: {
    method: string;
    path: string;
    caller: Caller;
    body?: string;
    contentType?: string;
    timeoutMs?: number;
  },
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (options.contentType) headers["content-type"] = options.contentType;
  if (options.caller.kind === "cookie") headers.cookie = options.caller.cookie;
  if (options.caller.kind === "apiKey") headers.authorization = `Bearer ${options.caller.secret}`;
  const res = await fetch(`${baseUrl}${options.path}`, {
    method: options.method.toUpperCase(),
    headers,
    body: options.body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text, json };
}

/** A JSON request: the body is serialised unless it is already a string. */
export function jsonRequest(
  baseUrl: string,
  method: string,
  path: string,
  caller: Caller,
  body?: unknown,
): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    method,
    path,
    caller,
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : "application/json",
  });
}

/** The failure shape every 4xx must have: JSON with a code and a message a person can read. */
export function clearErrorProblem(res: RawResponse): string | null {
  if (res.status < 400 || res.status >= 500) return `status ${res.status}: ${res.text.slice(0, 300)}`;
  if (!/application\/([a-z]+\+)?json/.test(res.contentType)) return `content-type ${res.contentType}`;
  const error = res.json?.error;
  if (typeof error?.code !== "string") return `no error.code in ${res.text.slice(0, 300)}`;
  if (typeof error.message !== "string" || error.message.length < 5) return `no error.message`;
  return null;
}
