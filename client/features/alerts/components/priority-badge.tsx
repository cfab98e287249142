import type { AlertPriority } from "../../../../shared/schemas/alert.ts";
import { priorityDisplay } from "../alert-display.ts";

/** "▲ HIGH", "● MEDIUM", "◆ LOW" or "✓ OK": icon, text and colour together. */
export function PriorityBadge({
  priority,
  large = false,
}: {
  priority: AlertPriority | null;
  large?: boolean;
}) {
  const key = priority ?? "ok";
  const { icon, text } = priorityDisplay[key];
  return (
    <span className={`badge badge-${key}${large ? " badge-large" : ""}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}
