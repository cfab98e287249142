import { parameterLabel } from "../../../../shared/clinical/engine/levels.ts";
import type { ThresholdProfile } from "../../../../shared/clinical/engine/profile.ts";
import { observationTypeLabels } from "../../../../shared/schemas/observation.ts";
import { PriorityBadge } from "../../alerts/components/priority-badge.tsx";
import { levelParameters, levelsOf } from "../profile-draft.ts";
import { conditionText, confirmationText, marginText, phasesText, secondsText } from "./profile-text.ts";

function LevelsTable({
  profile,
  parameter,
}: {
  profile: ThresholdProfile;
  parameter: (typeof levelParameters)[number];
}) {
  const margin = parameter === "moaas" ? profile.moaas.clearMargin : profile.vitals[parameter].clearMargin;
  const levels = levelsOf(profile, parameter);
  return (
    <table className="profile-table">
      <caption>
        {parameterLabel(parameter)}{" "}
        <span className="muted">· clears {marginText(parameter, margin)} inside every limit</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Priority</th>
          <th scope="col">Condition</th>
          <th scope="col">Confirmation</th>
        </tr>
      </thead>
      <tbody>
        {levels.map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: levels are positions in the profile's list
          <tr key={i}>
            <td>
              <PriorityBadge priority={rule.priority} />
            </td>
            <td>{conditionText(parameter, rule)}</td>
            <td>{confirmationText(rule)}</td>
          </tr>
        ))}
        {levels.length === 0 ? (
          <tr>
            <td colSpan={3}>No alert levels</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function observationRule(rule: ThresholdProfile["observations"][number]): string {
  const types = rule.types ? rule.types.map((t) => observationTypeLabels[t]).join(", ") : "any observation";
  const severities = rule.severities ? ` of severity ${rule.severities.join(" or ")}` : "";
  return `${types}${severities}`;
}

/** The profile as readable tables and facts: what alerts, when, and how it clears, escalates and latches. */
export function ProfileSummary({ profile }: { profile: ThresholdProfile }) {
  const { persistence, overdue, stale, escalationSeconds, baseline } = profile;
  const escalation = (["high", "medium", "low"] as const)
    .flatMap((p) => (escalationSeconds[p] ? [`${p} after ${secondsText(escalationSeconds[p])}`] : []))
    .join("; ");
  const due = (["pre_infusion", "infusing", "recovery"] as const)
    .flatMap((p) =>
      overdue.intervalMinutes[p] ? [`${phasesText([p])}: every ${overdue.intervalMinutes[p]} min`] : [],
    )
    .join("; ");
  return (
    <div className="profile-summary">
      <p>
        Profile: <strong>{profile.name}</strong>
      </p>
      <div className="profile-tables">
        {levelParameters.map((p) => (
          <LevelsTable key={p} profile={profile} parameter={p} />
        ))}
      </div>
      <dl className="profile-facts">
        <div>
          <dt>Observations</dt>
          <dd>
            {profile.observations.map((r) => (
              <span key={observationRule(r)} className="profile-fact">
                <PriorityBadge priority={r.priority} /> {observationRule(r)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Baseline</dt>
          <dd>Mean of the last {baseline.readings} pre-infusion readings, fixed when infusing starts</dd>
        </div>
        <div>
          <dt>Persistence</dt>
          <dd>
            {persistence.parameters.map((p) => parameterLabel(p)).join(", ")} from{" "}
            {persistence.sources.join(", ")} sources alert only after {secondsText(persistence.seconds)} (gaps
            up to {secondsText(persistence.maxGapSeconds)})
          </dd>
        </div>
        <div>
          <dt>BP overdue</dt>
          <dd>
            {due || "never due"}; low {overdue.lowAfterMinutes} min past due, medium{" "}
            {overdue.mediumAfterMinutes} min past due
          </dd>
        </div>
        <div>
          <dt>Monitor stream stale</dt>
          <dd>
            {stale.priority} after {secondsText(stale.seconds)} without a monitor reading (
            {phasesText(stale.phases)})
          </dd>
        </div>
        <div>
          <dt>Escalation when unacknowledged</dt>
          <dd>{escalation || "never"}</dd>
        </div>
        <div>
          <dt>Latching</dt>
          <dd>
            {profile.latchPriorities.length > 0
              ? `${profile.latchPriorities.join(", ")} alerts stay until acknowledged, even after their condition clears`
              : "none"}
          </dd>
        </div>
        <div>
          <dt>Evaluated in</dt>
          <dd>{phasesText(profile.evaluatePhases)}</dd>
        </div>
      </dl>
    </div>
  );
}
