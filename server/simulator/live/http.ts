/**
 * The simulator's HTTP: JSON over Node's fetch (keep-alive connections are reused), with retries on
 * network errors and 502/503/504 that resend the very same request, so the same client id.
 */

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the simulator reads a few known fields of the body.
  body: any;
  /** Attempts beyond the first. */
  retries: number;
}

export class NetworkError extends Error {
  constructor(
    message: string,
    readonly retries: number,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
}

const retryable = new Set([502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimHttp {
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;

  constructor(
    readonly baseUrl: string,
    options: HttpOptions = {},
  ) {
    this.retries = options.retries ?? 4;
    this.backoffMs = options.backoffMs ?? 200;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Throws NetworkError only when every attempt failed without an HTTP answer. */
  async request(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer & { headers: Headers }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let lastError = "";
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      try {
        const res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { ...(payload === undefined ? {} : { "content-type": "application/json" }), ...headers },
          body: payload,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        const text = await res.text();
        if (retryable.has(res.status) && attempt < this.retries) {
          lastError = `HTTP ${res.status}`;
          continue;
        }
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = { error: { code: "not_json", message: text.slice(0, 200) } };
        }
        return { status: res.status, body: json, retries: attempt, headers: res.headers };
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        lastError = cause ?? (error as Error).message;
      }
    }
    throw new NetworkError(`${method} ${path}: ${lastError}`, this.retries);
  }
}

/** The `name=value` of a Set-Cookie header. */
export function cookieOf(headers: Headers): string | undefined {
  return headers.get("set-cookie")?.split(";")[0];
}

/** "409 conflict: Chair 1 has 2 active sessions" from an error answer. */
export function describeRefusal(answer: Answer): string {
  const error = answer.body?.error;
  if (!error) return `${answer.status}`;
  const issues = Array.isArray(error.issues)
    ? ` [${error.issues.map((i: { path: string; message: string }) => `${i.path} ${i.message}`).join("; ")}]`
    : "";
  return `${answer.status} ${error.code}: ${error.message}${issues}`;
}
