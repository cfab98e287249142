import { useId } from "react";
import { FieldError } from "./field-error.tsx";

interface Option<T> {
  value: T;
  label: string;
}

/** Big touch-friendly radio buttons in a labelled radiogroup. */
export function RadioGroup<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  errors,
  className,
}: {
  legend: string;
  name: string;
  options: readonly Option<T>[];
  value: T | undefined;
  onChange: (v: T) => void;
  errors: string[] | undefined;
  className?: string;
}) {
  const id = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={errors?.length ? `${id}-error` : undefined}
      aria-invalid={errors?.length ? true : undefined}
      className={`radio-group ${className ?? ""}`}
    >
      <p id={`${id}-legend`} className="legend-like">
        {legend}
      </p>
      <div className="radio-options">
        {options.map((o) => (
          <label key={String(o.value)} className="radio-option">
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
