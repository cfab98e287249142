import "./provisional.css";
import { provisionalTag } from "./provisional-display.ts";
import type { ProvisionalEntry } from "./reconcile.ts";

/** "confirming…" or "not saved — check patient": text, never colour alone. */
export function ProvisionalTag({ entry, large = false }: { entry: ProvisionalEntry; large?: boolean }) {
  const unconfirmed = entry.status === "unconfirmed";
  return (
    <span
      className={`badge ${unconfirmed ? "badge-unconfirmed" : "badge-provisional"}${large ? " badge-large" : ""}`}
    >
      {unconfirmed ? <span aria-hidden="true">⚠ </span> : null}
      {provisionalTag(entry)}
    </span>
  );
}
