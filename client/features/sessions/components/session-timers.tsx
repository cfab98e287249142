import type { InfusionSession } from "../../../../shared/schemas/session.ts";
import { Elapsed } from "../../../components/elapsed.tsx";

/** Elapsed since session start, and since infusion start (stopping when the infusion stops). */
export function SessionTimers({ session }: { session: InfusionSession }) {
  const end = session.dischargedAt;
  return (
    <dl className="timers">
      <div>
        <dt>Session</dt>
        <dd>
          <Elapsed since={session.createdAt} until={end} />
        </dd>
      </div>
      <div>
        <dt>Infusion</dt>
        <dd>
          {session.infusionStartedAt ? (
            <Elapsed since={session.infusionStartedAt} until={session.infusionStoppedAt} />
          ) : (
            "not started"
          )}
        </dd>
      </div>
      {session.infusionStoppedAt ? (
        <div>
          <dt>Recovery</dt>
          <dd>
            <Elapsed since={session.infusionStoppedAt} until={end} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
