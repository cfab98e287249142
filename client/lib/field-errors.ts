import type { ApiIssue } from "./api-client.ts";
import { isApiError } from "./api-client.ts";

export type FieldErrors = Record<string, string[]>;

interface IssueLike {
  path: readonly PropertyKey[] | string;
  message: string;
}

/** "body.sbp", "/sbp", ["sbp"] -> "sbp". */
export function issueKey(path: IssueLike["path"]): string {
  const joined = typeof path === "string" ? path : path.map(String).join(".");
  return joined
    .replace(/^\//, "")
    .replace(/\//g, ".")
    .replace(/^body\./, "");
}

export function toFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issueKey(issue.path);
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

/** Server issues by field, split into those a form shows next to a field and the rest. */
export function splitServerIssues(
  error: unknown,
  fields: readonly string[],
): { fieldErrors: FieldErrors; unplaced: ApiIssue[] } {
  if (!isApiError(error)) return { fieldErrors: {}, unplaced: [] };
  const placed = error.issues.filter((i) => fields.includes(issueKey(i.path)));
  const unplaced = error.issues.filter((i) => !fields.includes(issueKey(i.path)));
  return { fieldErrors: toFieldErrors(placed), unplaced };
}
