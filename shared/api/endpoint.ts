import type { z } from "zod";
import type { Role } from "../schemas/user.ts";

/** One REST endpoint of the contract: how to call it, who may, and the schemas of what goes in and out. */
export interface Endpoint {
  method: "get" | "post";
  path: string;
  summary: string;
  /** null: public. Otherwise the roles allowed. */
  roles: readonly Role[] | null;
  /**
   * How the caller proves who it is: the login cookie (the default) or an API key sent as
   * `Authorization: Bearer vgl_...` (devices). Each endpoint accepts exactly one of them.
   */
  auth?: "session" | "apiKey";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  successStatus?: 200 | 201 | 204;
}

export const anyone: readonly Role[] = ["nurse", "physician", "admin"];
export const clinicians: readonly Role[] = ["nurse", "physician"];
export const physicians: readonly Role[] = ["physician"];
export const admins: readonly Role[] = ["admin"];
export const devices: readonly Role[] = ["device"];

/** Fill `:name` segments of a path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
