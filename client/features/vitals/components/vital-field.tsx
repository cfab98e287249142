import type { Ref } from "react";
import type { VitalParameter } from "../../../../shared/schemas/vitals.ts";
import { vitalBounds } from "../../../../shared/schemas/vitals.ts";
import { describedBy, FieldError } from "../../../components/field-error.tsx";

interface Props {
  parameter: VitalParameter;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/** One big numeric input labelled exactly with the shared label ("Systolic BP" ...). */
export function VitalField({ parameter, value, onChange, errors, inputRef }: Props) {
  const { label, unit } = vitalBounds[parameter];
  const id = `vital-${parameter}`;
  return (
    <div className="field vital-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={parameter}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="input-big"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, errors, `${id}-unit`)}
      />
      <span id={`${id}-unit`} className="unit">
        {unit}
      </span>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
