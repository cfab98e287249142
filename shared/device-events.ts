import type { ApiError } from "./schemas/errors.ts";
import type { RecordVitalsResponse } from "./schemas/session-views.ts";
import type { IngestVitalsRequest } from "./schemas/vitals.ts";

/** The Socket.IO namespace monitors and gateways stream into, authenticated by an ingest API key. */
export const deviceNamespace = "/devices";

/** What a device sends in its handshake: `io(url + "/devices", { auth: { apiKey: "vgl_..." } })`. */
export interface DeviceHandshakeAuth {
  apiKey: string;
}

/**
 * The answer to one reading: ok only once the reading is committed (created false: a retry of a stored
 * id), otherwise the same error body and HTTP status POST /api/ingest/chairs/:chair/vitals would give.
 */
export type DeviceIngestAck =
  | ({ ok: true } & RecordVitalsResponse)
  | { ok: false; status: number; error: ApiError["error"] };

export interface DeviceToServerEvents {
  /** One reading for the active session in `chair`; same body and rules as the REST ingest endpoint. */
  "ingest:vitals": (chair: string, reading: IngestVitalsRequest, ack: (r: DeviceIngestAck) => void) => void;
}

// Nothing is pushed to devices: every answer travels in an ack.
export type ServerToDeviceEvents = Record<never, never>;
