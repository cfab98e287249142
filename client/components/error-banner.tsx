import type { ApiIssue } from "../lib/api-client.ts";
import { isApiError } from "../lib/api-client.ts";

function messageOf(error: unknown): string {
  if (isApiError(error)) {
    const allowed = error.allowed.length > 0 ? ` Allowed: ${error.allowed.join(", ")}.` : "";
    return `${error.message}${allowed}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A server or client error that belongs to no single field: announced at once (role="alert"). */
export function ErrorBanner({
  error,
  title,
  issues = [],
}: {
  error: unknown;
  title?: string;
  issues?: readonly ApiIssue[];
}) {
  if (!error && issues.length === 0) return null;
  return (
    <div role="alert" className="banner banner-error">
      {title ? <strong>{title}: </strong> : null}
      {error ? messageOf(error) : null}
      {issues.length > 0 ? (
        <ul className="banner-list">
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
