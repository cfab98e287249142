import type { z } from "zod";
import { type Endpoint, pathFor } from "../../shared/api/endpoint.ts";
import { type ApiErrorCode, apiErrorSchema } from "../../shared/schemas/errors.ts";

export interface ApiIssue {
  path: string;
  message: string;
}

/** A failed request: the server's error body, or a network / parse failure (status 0). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "network",
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly allowed: string[] = [],
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

type Input<T> = T extends z.ZodType ? z.input<T> : never;

/** `params`, `query` and `body` are required exactly when the endpoint declares them. */
export type RequestOptions<E extends Endpoint> = (E extends { params: z.ZodType }
  ? { params: Input<E["params"]> }
  : { params?: undefined }) &
  (E extends { query: z.ZodType } ? { query?: Input<E["query"]> } : { query?: undefined }) &
  (E extends { body: z.ZodType } ? { body: Input<E["body"]> } : { body?: undefined }) & {
    signal?: AbortSignal;
  };

function urlFor(
  endpoint: Endpoint,
  params?: Record<string, string>,
  query?: Record<string, unknown>,
): string {
  const path = pathFor(endpoint.path, params ?? {});
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { code, message, issues, allowed } = parsed.data.error;
      return new ApiError(response.status, code, message, issues ?? [], allowed ?? []);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  const code: ApiErrorCode = response.status === 401 ? "unauthenticated" : "internal";
  return new ApiError(
    response.status,
    code,
    `Request failed (${response.status} ${response.statusText})`.trim(),
  );
}

/** One typed call to an endpoint of the shared contract; the response is parsed with its schema. */
export async function apiRequest<E extends Endpoint>(
  endpoint: E,
  options: RequestOptions<E> = {} as RequestOptions<E>,
): Promise<z.output<E["response"]>> {
  const { params, query, body, signal } = options as {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  let response: Response;
  try {
    response = await fetch(urlFor(endpoint, params, query), {
      method: endpoint.method.toUpperCase(),
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "network", "Cannot reach the server. Check the connection and try again.");
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return endpoint.response.parse(undefined) as z.output<E["response"]>;
  const json: unknown = await response.json().catch(() => {
    throw new ApiError(response.status, "internal", "The server sent an unreadable response.");
  });
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, "internal", "The server response did not match the contract.");
  }
  return parsed.data as z.output<E["response"]>;
}
