import { HttpError } from "./errors.ts";

type Issue = { path: string; message: string };

const nulMessage = "must not contain NUL characters (\\u0000)";
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const surrogateMessage = "contains an invalid character (an unpaired UTF-16 surrogate)";

/**
 * Strings PostgreSQL cannot store as sent: NUL is refused by the text type (a 500 before this check)
 * and an unpaired surrogate would be stored silently altered as U+FFFD. Both are refused as bad input.
 */
export function unstorableTextIssues(value: unknown, where?: string): Issue[] {
  const issues: Issue[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === "string") {
      const at = [where, ...path].filter((p) => p !== undefined && p !== "").join(".") || "(root)";
      if (node.includes("\u0000")) issues.push({ path: at, message: nulMessage });
      else if (loneSurrogate.test(node)) issues.push({ path: at, message: surrogateMessage });
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return issues;
}

/** Throws the 400 naming each field whose text cannot be stored as sent. */
export function assertStorableText(value: unknown, where?: string): void {
  const issues = unstorableTextIssues(value, where);
  if (issues.length === 0) return;
  const summary = issues.map((i) => `${i.path} ${i.message}`).join("; ");
  throw new HttpError(400, "validation_failed", `Invalid request: ${summary}`, { issues });
}
