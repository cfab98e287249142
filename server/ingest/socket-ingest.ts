import type { Namespace, Socket } from "socket.io";
import {
  type DeviceIngestAck,
  type DeviceToServerEvents,
  deviceNamespace,
  type ServerToDeviceEvents,
} from "../../shared/device-events.ts";
import { API_KEY_PREFIX, chairParamsSchema } from "../../shared/schemas/api-key.ts";
import type { User } from "../../shared/schemas/user.ts";
import { ingestVitalsRequestSchema } from "../../shared/schemas/vitals.ts";
import { findDeviceByKeyHash } from "../api-keys/repo.ts";
import type { AppContext } from "../app-context.ts";
import { hashToken } from "../auth/session-cookie.ts";
import { HttpError, validationError } from "../http/errors.ts";
import { assertStorableText } from "../http/storable-text.ts";
import type { VigilIo } from "../realtime/publisher.ts";
import { ingestVitals } from "./service.ts";

interface DeviceSocketData {
  device: User;
  keyHash: string;
  /** When the key was last found live: a revoked key stops working within `recheckKeyMs`. */
  keyCheckedAt: number;
  /** Found revoked: its readings are refused, and it is disconnected once those in flight are answered. */
  revoked: boolean;
  /** Readings being written, by id: a retry waits for the first copy; a revocation waits for them all. */
  inFlight: Map<unknown, Promise<unknown>>;
}

type DeviceSocket = Socket<
  DeviceToServerEvents,
  ServerToDeviceEvents,
  Record<never, never>,
  DeviceSocketData
>;
type DeviceNamespace = Namespace<
  DeviceToServerEvents,
  ServerToDeviceEvents,
  Record<never, never>,
  DeviceSocketData
>;

const recheckKeyMs = 5_000;
const keyRevoked = () => new HttpError(401, "unauthenticated", "The API key is unknown or revoked.");

/**
 * The device namespace: readings streamed over one socket per monitor instead of one HTTP request each,
 * with the same API key, the same schema and the same ingestVitals service (so the same one write path).
 * The ack is sent only after commit, so a device keeps a reading until it is acknowledged and retries it.
 */
export function attachDeviceIngest(io: VigilIo, ctx: AppContext): DeviceNamespace {
  const devices = io.of(deviceNamespace) as unknown as DeviceNamespace;

  devices.use(async (socket, next) => {
    try {
      const apiKey = (socket.handshake.auth as { apiKey?: unknown }).apiKey;
      if (typeof apiKey !== "string" || !apiKey.startsWith(API_KEY_PREFIX)) {
        return next(new Error('unauthenticated: send the ingest API key as auth: { apiKey: "vgl_..." }'));
      }
      const keyHash = hashToken(apiKey);
      const device = await findDeviceByKeyHash(ctx.db, keyHash);
      if (!device) return next(new Error("unauthenticated: the API key is unknown or revoked"));
      socket.data = {
        device,
        keyHash,
        keyCheckedAt: ctx.now().getTime(),
        revoked: false,
        inFlight: new Map(),
      };
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  const ensureKeyStillLive = keyLiveness(ctx, devices);
  devices.on("connection", (socket: DeviceSocket) => {
    // A retry sent while the first copy is still being written waits for it, then answers as a replay.
    const { inFlight } = socket.data;
    socket.on("ingest:vitals", async (chair, reading, ack) => {
      // A reading sent without an ack callback is still stored: the device simply cannot learn the outcome.
      const reply = typeof ack === "function" ? ack : () => {};
      const id = (reading as { id?: unknown } | null)?.id;
      const earlier = inFlight.get(id);
      if (earlier) await earlier;
      const outcome = ingestOne(ctx, socket, chair, reading, ensureKeyStillLive);
      if (typeof id === "string") inFlight.set(id, outcome);
      const answer = await outcome;
      if (inFlight.get(id) === outcome) inFlight.delete(id);
      reply(answer);
    });
  });

  return devices;
}

async function ingestOne(
  ctx: AppContext,
  socket: DeviceSocket,
  chair: unknown,
  reading: unknown,
  ensureKeyStillLive: (socket: DeviceSocket) => Promise<void>,
): Promise<DeviceIngestAck> {
  try {
    await ensureKeyStillLive(socket);
    const params = chairParamsSchema.safeParse({ chair });
    if (!params.success) throw validationError(params.error);
    const body = ingestVitalsRequestSchema.safeParse(reading);
    if (!body.success) throw validationError(body.error);
    assertStorableText(params.data);
    const result = await ingestVitals(ctx, socket.data.device, params.data.chair, body.data);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, status: error.status, ...error.toBody() };
    console.error("device ingest: unhandled error", error);
    return {
      ok: false,
      status: 500,
      error: { code: "internal", message: "Internal error: nothing was changed." },
    };
  }
}

/**
 * Revocation for long-lived sockets: one query re-reads which of the connected sockets' keys are still
 * live (not one query per socket), started in the background once a socket's last check is half
 * `recheckKeyMs` old; sockets on a revoked key are disconnected and their readings refused from then on,
 * and a reading whose key was not found live within `recheckKeyMs` waits for the check.
 */
function keyLiveness(ctx: AppContext, devices: DeviceNamespace) {
  let sweep: Promise<void> | null = null;
  const refresh = async () => {
    const hashes = [...new Set([...devices.sockets.values()].map((s) => s.data.keyHash))];
    const rows =
      hashes.length === 0
        ? []
        : await ctx.db
            .selectFrom("api_keys")
            .select("key_hash")
            .where("key_hash", "in", hashes)
            .where("revoked_at", "is", null)
            .where("scope", "=", "ingest")
            .execute();
    const live = new Set(rows.map((r) => r.key_hash));
    const now = ctx.now().getTime();
    for (const socket of devices.sockets.values()) {
      if (live.has(socket.data.keyHash)) {
        socket.data.keyCheckedAt = now;
      } else if (!socket.data.revoked) {
        socket.data.revoked = true;
        void Promise.allSettled([...socket.data.inFlight.values()]).then(() => socket.disconnect(true));
      }
    }
  };
  const startSweep = () =>
    (sweep ??= refresh().finally(() => {
      sweep = null;
    }));
  return async function ensureKeyStillLive(socket: DeviceSocket): Promise<void> {
    if (socket.data.revoked) throw keyRevoked();
    const age = ctx.now().getTime() - socket.data.keyCheckedAt;
    // Half way through, the check starts in the background, so a reading never waits for it while the
    // database answers (a failure here surfaces to the reading that must wait for the next one).
    if (age >= recheckKeyMs / 2) startSweep().catch(() => {});
    if (age < recheckKeyMs) return;
    await startSweep();
    if (socket.data.revoked || ctx.now().getTime() - socket.data.keyCheckedAt >= recheckKeyMs) {
      throw keyRevoked();
    }
  };
}
