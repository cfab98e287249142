import { type LevelParameter, parameterLabel } from "../../../../shared/clinical/engine/levels.ts";
import { type ComparisonOp, comparisonOps } from "../../../../shared/clinical/engine/profile.ts";
import { type AlertPriority, alertPriorities } from "../../../../shared/schemas/alert.ts";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import type { FieldErrors } from "../../../lib/field-errors.ts";
import { clearMarginPath, levelsOf, levelsPath, pathKey } from "../profile-draft.ts";
import type { ProfileDraft } from "../use-profile-draft.ts";
import { NumberInput } from "./number-input.tsx";
import { opSymbols, priorityLabels } from "./profile-text.ts";

interface Props {
  parameter: LevelParameter;
  draft: ProfileDraft;
  errors: FieldErrors;
  idPrefix: string;
}

/** The levels of one parameter as editable rows (comparison, value, priority, basis, confirmation). */
export function LevelEditor({ parameter, draft, errors, idPrefix }: Props) {
  const label = parameterLabel(parameter);
  const levels = levelsOf(draft.profile, parameter);
  const base = levelsPath(parameter);
  const id = (...path: (string | number)[]) =>
    `${idPrefix}-${pathKey([...base, ...path])}`.replace(/\./g, "-");
  const err = (...path: (string | number)[]) => errors[pathKey([...base, ...path])];
  const select = (path: (string | number)[], name: string) => ({
    id: id(...path),
    "aria-label": name,
    ...describedBy(id(...path), err(...path)),
  });
  return (
    <fieldset className="level-editor">
      <legend>{label}</legend>
      <FieldError id={`${id()}-error`} messages={errors[pathKey(base)]} />
      <div className="table-scroll">
        <table className="profile-table">
          <thead>
            <tr>
              <th scope="col">Comparison</th>
              <th scope="col">Value</th>
              <th scope="col">Priority</th>
              <th scope="col">Relative to</th>
              <th scope="col">Confirm within (min)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level, i) => {
              const row = `${label} level ${i + 1}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the profile's list
                <tr key={i}>
                  <td>
                    <select
                      value={level.op}
                      onChange={(e) => draft.setValue([...base, i, "op"], e.target.value as ComparisonOp)}
                      {...select([i, "op"], `${row} comparison`)}
                    >
                      {comparisonOps.map((op) => (
                        <option key={op} value={op}>
                          {opSymbols[op]}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id(i, "op")}-error`} messages={err(i, "op")} />
                  </td>
                  <td>
                    <NumberInput
                      id={id(i, "value")}
                      label={`${row} value`}
                      hiddenLabel
                      value={draft.text([...base, i, "value"])}
                      onChange={(t) => draft.setNumber([...base, i, "value"], t)}
                      errors={err(i, "value")}
                    />
                  </td>
                  <td>
                    <select
                      value={level.priority}
                      onChange={(e) =>
                        draft.setValue([...base, i, "priority"], e.target.value as AlertPriority)
                      }
                      {...select([i, "priority"], `${row} priority`)}
                    >
                      {alertPriorities.map((p) => (
                        <option key={p} value={p}>
                          {priorityLabels[p]}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id(i, "priority")}-error`} messages={err(i, "priority")} />
                  </td>
                  <td>
                    <select
                      value={level.basis ?? "absolute"}
                      onChange={(e) =>
                        draft.setValue(
                          [...base, i, "basis"],
                          e.target.value === "baseline" ? "baseline" : undefined,
                        )
                      }
                      {...select([i, "basis"], `${row} relative to`)}
                    >
                      <option value="absolute">Absolute value</option>
                      <option value="baseline">Baseline (+ value)</option>
                    </select>
                  </td>
                  <td>
                    <NumberInput
                      id={id(i, "confirm")}
                      label={`${row} confirmation window (min)`}
                      hiddenLabel
                      value={draft.text([...base, i, "confirm", "withinMinutes"])}
                      onChange={(t) =>
                        draft.setNumber([...base, i, "confirm", "withinMinutes"], t, {
                          optional: true,
                          removeAt: [...base, i, "confirm"],
                        })
                      }
                      errors={err(i, "confirm", "withinMinutes")}
                    />
                  </td>
                  <td>
                    <button type="button" className="button" onClick={() => draft.removeLevel(parameter, i)}>
                      Remove <span className="visually-hidden">{row}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="level-editor-actions">
        <button type="button" className="button" onClick={() => draft.addLevel(parameter)}>
          Add <span className="visually-hidden">{label}</span> level
        </button>
        <NumberInput
          id={`${idPrefix}-${pathKey(clearMarginPath(parameter)).replace(/\./g, "-")}`}
          label={`${label} clear margin`}
          value={draft.text(clearMarginPath(parameter))}
          onChange={(t) => draft.setNumber(clearMarginPath(parameter), t)}
          errors={errors[pathKey(clearMarginPath(parameter))]}
        />
      </div>
    </fieldset>
  );
}
