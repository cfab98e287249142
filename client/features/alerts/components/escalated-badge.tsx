/** "⚠ ESCALATED": text and icon, never colour alone. */
export function EscalatedBadge({ large = false }: { large?: boolean }) {
  return (
    <span className={`badge badge-escalated${large ? " badge-large" : ""}`}>
      <span aria-hidden="true">⚠</span> ESCALATED
    </span>
  );
}
