import type { Server } from "socket.io";
import type { ClientToServerEvents, ProvisionalAlarm, ServerToClientEvents } from "../../shared/events.ts";
import { rooms } from "../../shared/events.ts";
import type { Alert, AlertChangeKind } from "../../shared/schemas/alert.ts";
import type { Observation } from "../../shared/schemas/observation.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { SessionSummary } from "../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";

/** A change to one session, waiting for its transaction to commit before it is broadcast. */
export type SessionChange =
  | { type: "session:updated"; session: InfusionSession }
  | { type: "vitals:recorded"; reading: VitalsReading }
  | { type: "observation:recorded"; observation: Observation }
  | { type: "alert:changed"; alert: Alert; change: AlertChangeKind };

export interface Publisher {
  sessionChanged(sessionId: string, seq: number, change: SessionChange): void;
  stationChanged(summary: SessionSummary): void;
  /** Logins that ended (logout, password change): their sockets are closed on every node. */
  loginsEnded(tokenHashes: readonly string[]): void;
  /** An alarm computed as a reading arrived, before it commits (not a change of the record: no seq). */
  provisionalAlarm(alarm: ProvisionalAlarm): void;
  /** The reading behind provisional alarms committed (after its changes were published) or was not saved. */
  provisionalSettled(sessionId: string, readingId: string, recorded: boolean): void;
}

/** For writes made while nobody can be connected (demo seeding, benchmarks). */
export const silentPublisher: Publisher = {
  sessionChanged: () => {},
  stationChanged: () => {},
  loginsEnded: () => {},
  provisionalAlarm: () => {},
  provisionalSettled: () => {},
};

/** The server-side room of one login (never sent to a client: it is named by the token's hash). */
export const loginRoom = (tokenHash: string) => `login:${tokenHash}`;

export type VigilIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** The one way out: every committed change leaves through here, to the session room and the station. */
export function socketPublisher(io: VigilIo): Publisher {
  return {
    sessionChanged(sessionId, seq, change) {
      const target = io.to([rooms.session(sessionId), rooms.station]);
      const base = { sessionId, seq };
      switch (change.type) {
        case "session:updated":
          target.emit("session:updated", { ...base, session: change.session });
          break;
        case "vitals:recorded":
          target.emit("vitals:recorded", { ...base, reading: change.reading });
          break;
        case "observation:recorded":
          target.emit("observation:recorded", { ...base, observation: change.observation });
          break;
        case "alert:changed": {
          const event = { ...base, alert: change.alert, change: change.change };
          // An escalation, and what later happens to it, reaches every physician on any page (one emit: no duplicates).
          if (change.change === "escalated" || change.alert.escalatedAt !== null) {
            io.to([rooms.session(sessionId), rooms.station, rooms.physicians]).emit("alert:changed", event);
          } else {
            target.emit("alert:changed", event);
          }
          break;
        }
      }
    },
    stationChanged(summary) {
      io.to(rooms.station).emit("station:changed", { summary });
    },
    provisionalAlarm(alarm) {
      io.to([rooms.session(alarm.sessionId), rooms.station]).emit("alert:provisional", alarm);
    },
    provisionalSettled(sessionId, readingId, recorded) {
      io.to([rooms.session(sessionId), rooms.station]).emit("alert:provisional-settled", {
        sessionId,
        readingId,
        recorded,
      });
    },
    loginsEnded(tokenHashes) {
      if (tokenHashes.length > 0) io.in(tokenHashes.map(loginRoom)).disconnectSockets(true);
    },
  };
}
