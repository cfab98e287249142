import type { Request, Response, Router } from "express";
import type { z } from "zod";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import type { User } from "../../shared/schemas/user.ts";
import { apiKeyProblem, currentDevice } from "../auth/api-key-middleware.ts";
import { currentUser } from "../auth/current-user.ts";
import { HttpError, validationError } from "./errors.ts";
import { assertStorableText } from "./storable-text.ts";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<E extends Endpoint> {
  params: Parsed<E["params"]>;
  query: Parsed<E["query"]>;
  body: Parsed<E["body"]>;
  user: E["roles"] extends null ? User | null : User;
  req: Request;
  res: Response;
  /** Override the endpoint's success status (e.g. 200 when an idempotent create found the row). */
  setStatus(status: number): void;
}

const checkResponses = Boolean(process.env.VITEST);

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (!result.success) throw validationError(result.error, where === "body" ? undefined : where);
  assertStorableText(result.data, where === "body" ? undefined : where);
  return result.data;
}

/** A body the JSON parser left alone because of its content type would otherwise read as "missing". */
function refuseNonJsonBody(endpoint: Endpoint, req: Request): void {
  if (!endpoint.body || req.body !== undefined) return;
  const length = req.headers["content-length"];
  const hasBody = req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
  if (!hasBody) return;
  const type = req.headers["content-type"] ?? "none";
  throw new HttpError(
    415,
    "unsupported_media_type",
    `Send the body as JSON with Content-Type: application/json (got ${type}).`,
  );
}

/**
 * Who is calling: the device of the API key for `auth: "apiKey"` endpoints, otherwise the login cookie's
 * user. Each endpoint reads exactly one credential, so a key opens nothing but ingest and a cookie
 * never opens ingest.
 */
function authenticate(endpoint: Endpoint, res: Response): User | null {
  if (endpoint.auth === "apiKey") {
    const device = currentDevice(res);
    if (!device && endpoint.roles !== null) throw new HttpError(401, "unauthenticated", apiKeyProblem(res));
    return device;
  }
  const user = currentUser(res);
  if (!user && endpoint.roles !== null) throw new HttpError(401, "unauthenticated", "Log in to continue.");
  return user;
}

/**
 * Mounts one endpoint of the shared catalogue: authentication and role check first, then params,
 * query and body validated with the endpoint's own schemas, then the handler. Nothing runs on bad input.
 */
export function mount<E extends Endpoint>(
  router: Router,
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Promise<z.input<E["response"]>>,
): void {
  router[endpoint.method](endpoint.path, async (req, res) => {
    const user = authenticate(endpoint, res);
    if (endpoint.roles !== null && user) {
      if (!endpoint.roles.includes(user.role)) {
        throw new HttpError(403, "forbidden", `This action needs the role ${endpoint.roles.join(" or ")}.`);
      }
    }
    refuseNonJsonBody(endpoint, req);
    let status: number = endpoint.successStatus ?? 200;
    const ctx = {
      params: parse(endpoint.params, req.params, "params"),
      query: parse(endpoint.query, req.query, "query"),
      body: parse(endpoint.body, req.body, "body"),
      user,
      req,
      res,
      setStatus: (s: number) => {
        status = s;
      },
    } as RouteContext<E>;
    const result = await handler(ctx);
    // A response that breaks its own schema is a server bug: a 500, never a 400 blamed on the caller.
    const checked = checkResponses ? endpoint.response.safeParse(result) : null;
    if (checked && !checked.success) {
      throw new Error(`${endpoint.method} ${endpoint.path} answered outside its response schema`, {
        cause: checked.error,
      });
    }
    res.status(status).json(result);
  });
}
