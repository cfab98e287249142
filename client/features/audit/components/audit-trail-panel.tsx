import { useState } from "react";
import type { AuditEntry } from "../../../../shared/schemas/audit.ts";
import type { Role } from "../../../../shared/schemas/user.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { useSessionAudit } from "../api/get-session-audit.ts";

const maxSummary = 160;

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > maxSummary ? `${text.slice(0, maxSummary)}…` : text;
}

/** The fields that differ between before and after (top level), or the after value when nothing came before. */
export function changeSummary(entry: Pick<AuditEntry, "before" | "after">): string {
  const { before, after } = entry;
  if (before && after && typeof before === "object" && typeof after === "object") {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const keys = Object.keys(a).filter((k) => k !== "seq" && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (keys.length > 0) return keys.map((k) => `${k}: ${compact(b[k])} → ${compact(a[k])}`).join("; ");
    return "no change";
  }
  return compact(after);
}

/** Collapsed by default: every audited write of this session, oldest first (physicians and admins). */
export function AuditTrailPanel({ sessionId, role }: { sessionId: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const allowed = role === "physician" || role === "admin";
  const { data, error, isPending } = useSessionAudit(sessionId, open && allowed);
  if (!allowed) return null;
  return (
    <section aria-labelledby="audit-heading" className="panel audit-panel">
      <h2 id="audit-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="audit-body"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>Audit trail
        </button>
      </h2>
      <div id="audit-body" hidden={!open}>
        {open && isPending ? <p className="muted">Loading…</p> : null}
        <ErrorBanner error={error} title="Could not load the audit trail" />
        {data && data.length === 0 ? <p className="muted">No audited writes yet.</p> : null}
        {data && data.length > 0 ? (
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {data.map((entry) => (
                <tr key={entry.seq}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actorName}</td>
                  <td>{entry.action}</td>
                  <td className="audit-change">{changeSummary(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
