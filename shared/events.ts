import type { Alert, AlertChangeKind } from "./schemas/alert.ts";
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
  /** A session started or ended: the station list changed shape. */
  "station:changed": (e: { summary: SessionSummary }) => void;
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
