import { type AlertPriority, alertPriorities } from "../../../../shared/schemas/alert.ts";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import type { FieldErrors } from "../../../lib/field-errors.ts";
import { type Path, pathKey } from "../profile-draft.ts";
import type { ProfileDraft } from "../use-profile-draft.ts";
import { NumberInput } from "./number-input.tsx";
import { priorityLabels } from "./profile-text.ts";

interface Setting {
  path: Path;
  label: string;
  /** Empty means "not set" (e.g. no BP due in that phase, never escalate). */
  optional?: boolean;
}

const groups: { legend: string; settings: Setting[] }[] = [
  {
    legend: "Baseline and persistence",
    settings: [
      { path: ["baseline", "readings"], label: "Baseline: pre-infusion readings averaged" },
      { path: ["persistence", "seconds"], label: "Persistence (s)" },
      { path: ["persistence", "maxGapSeconds"], label: "Persistence: longest gap between readings (s)" },
    ],
  },
  {
    legend: "BP overdue",
    settings: [
      {
        path: ["overdue", "intervalMinutes", "infusing"],
        label: "BP due while infusing (min)",
        optional: true,
      },
      { path: ["overdue", "intervalMinutes", "recovery"], label: "BP due in recovery (min)", optional: true },
      { path: ["overdue", "lowAfterMinutes"], label: "Overdue: low priority after (min past due)" },
      { path: ["overdue", "mediumAfterMinutes"], label: "Overdue: medium priority after (min past due)" },
    ],
  },
  {
    legend: "Stale stream and escalation",
    settings: [
      { path: ["stale", "seconds"], label: "Monitor stream stale after (s)" },
      { path: ["escalationSeconds", "high"], label: "Escalate high after (s)", optional: true },
      { path: ["escalationSeconds", "medium"], label: "Escalate medium after (s)", optional: true },
      { path: ["escalationSeconds", "low"], label: "Escalate low after (s)", optional: true },
    ],
  },
];

const idOf = (prefix: string, path: Path) => `${prefix}-${pathKey(path).replace(/\./g, "-")}`;

/** The profile's timers and counts, and the stale-stream priority. */
export function SettingsEditor({
  draft,
  errors,
  idPrefix,
}: {
  draft: ProfileDraft;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const staleId = idOf(idPrefix, ["stale", "priority"]);
  return (
    <>
      {groups.map((g) => (
        <fieldset key={g.legend} className="settings-editor">
          <legend>{g.legend}</legend>
          <div className="form-grid">
            {g.settings.map((s) => (
              <NumberInput
                key={pathKey(s.path)}
                id={idOf(idPrefix, s.path)}
                label={s.optional ? `${s.label}, empty for none` : s.label}
                value={draft.text(s.path)}
                onChange={(t) => draft.setNumber(s.path, t, { optional: s.optional })}
                errors={errors[pathKey(s.path)]}
              />
            ))}
            {g.legend.startsWith("Stale") ? (
              <div className="field">
                <label htmlFor={staleId}>Monitor stream stale: priority</label>
                <select
                  id={staleId}
                  value={draft.profile.stale.priority}
                  onChange={(e) => draft.setValue(["stale", "priority"], e.target.value as AlertPriority)}
                  {...describedBy(staleId, errors["stale.priority"])}
                >
                  {alertPriorities.map((p) => (
                    <option key={p} value={p}>
                      {priorityLabels[p]}
                    </option>
                  ))}
                </select>
                <FieldError id={`${staleId}-error`} messages={errors["stale.priority"]} />
              </div>
            ) : null}
          </div>
        </fieldset>
      ))}
    </>
  );
}

/** Every path the settings editor shows a field for (other issues go to the form's banner). */
export const settingsPaths: string[] = [
  ...groups.flatMap((g) => g.settings.map((s) => pathKey(s.path))),
  "stale.priority",
];
