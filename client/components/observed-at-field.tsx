import { describedBy, FieldError } from "./field-error.tsx";

/** Clinical time of an entry, "HH:MM" today; left blank it means "now" at the moment of submitting. */
export function ObservedAtField({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  errors: string[] | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Observed at</label>
      <input
        id={id}
        type="time"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, errors, `${id}-hint`)}
      />
      <span id={`${id}-hint`} className="hint">
        Leave blank for now
      </span>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
