import { describedBy, FieldError } from "../../../components/field-error.tsx";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  errors: readonly string[] | undefined;
  /** In a table row the column header shows the label: it is given as aria-label instead. */
  hiddenLabel?: boolean;
}

/** A number typed as text (so it can be empty while editing), with its errors under it. */
export function NumberInput({ id, label, value, onChange, errors, hiddenLabel = false }: Props) {
  const input = (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className="input-number"
      value={value}
      aria-label={hiddenLabel ? label : undefined}
      onChange={(e) => onChange(e.target.value)}
      {...describedBy(id, errors ? [...errors] : undefined)}
    />
  );
  if (hiddenLabel) {
    return (
      <>
        {input}
        <FieldError id={`${id}-error`} messages={errors} />
      </>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
