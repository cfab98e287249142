import type { Alert, AlertChangeKind, AlertParameter, AlertPriority } from "./schemas/alert.ts";
import type { Observation } from "./schemas/observation.ts";
import type { InfusionSession } from "./schemas/session.ts";
import type { SessionSummary } from "./schemas/session-views.ts";
import type { VitalsReading } from "./schemas/vitals.ts";

/** Every session event carries the session's next sequence number, so a client can tell what it missed. */
interface SessionEvent {
  sessionId: string;
  seq: number;
}

export interface ServerToClientEvents {
  "session:updated": (e: SessionEvent & { session: InfusionSession }) => void;
  "vitals:recorded": (e: SessionEvent & { reading: VitalsReading }) => void;
  "observation:recorded": (e: SessionEvent & { observation: Observation }) => void;
  "alert:changed": (e: SessionEvent & { alert: Alert; change: AlertChangeKind }) => void;
  /**
   * An alarm the alert engine computed from a reading the moment it arrived, before the reading (and the
   * alert) are committed: the physician hears it at once. It is not a record: the committed alert:changed
   * follows, then alert:provisional-settled for the same reading.
   */
  "alert:provisional": (e: ProvisionalAlarm) => void;
  /**
   * The reading behind provisional alarms was committed (recorded: true; any alert it raised has already
   * arrived as alert:changed) or refused / not saved (recorded: false: the alarm came from a reading that
   * is not in the record, so the patient must be checked at the chair).
   */
  "alert:provisional-settled": (e: { sessionId: string; readingId: string; recorded: boolean }) => void;
  /** A session started or ended: the station list changed shape. */
  "station:changed": (e: { summary: SessionSummary }) => void;
}

export interface ProvisionalAlarm {
  sessionId: string;
  /** The chair the reading came from. */
  chair: string;
  readingId: string;
  event: "raised" | "upgraded";
  parameter: AlertParameter;
  priority: AlertPriority;
  message: string;
  value: number | null;
  /** The reading's clinical time (ISO). */
  observedAt: string;
}

export type JoinAck = { ok: true } | { ok: false; error: string };

export interface ClientToServerEvents {
  "station:join": (ack: (r: JoinAck) => void) => void;
  "station:leave": () => void;
  "session:join": (sessionId: string, ack: (r: JoinAck) => void) => void;
  "session:leave": (sessionId: string) => void;
}

export const rooms = {
  station: "station",
  /** Every physician's socket joins it on connect: escalations reach them whatever page they are on. */
  physicians: "physicians",
  session: (id: string) => `session:${id}`,
} as const;
