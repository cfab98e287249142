/** The zod issues of one field, shown under it and referenced by aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join("; ")}
    </p>
  );
}

/** Props for an input that may have errors (and an optional hint element). */
export function describedBy(id: string, messages: readonly string[] | undefined, hintId?: string) {
  const ids = [hintId, messages?.length ? `${id}-error` : undefined].filter(Boolean).join(" ");
  return {
    "aria-invalid": messages?.length ? true : undefined,
    "aria-describedby": ids || undefined,
  } as const;
}
