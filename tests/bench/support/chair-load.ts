import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { deviceNamespace } from "../../../shared/device-events.ts";
import type { ChairSeat } from "./server-protocol.ts";

/** What the physician's socket hears: the alert event (Vigil) or the forwarded reading (raw relay). */
export type Listener = { kind: "vigil"; cookie: string } | { kind: "relay" };

export interface LoadPlan {
  url: string;
  apiKey?: string;
  listener: Listener;
  seats: ChairSeat[];
  /** Chairs that send one limit-crossing reading each during the measured window (never reused). */
  crossingSeats: ChairSeat[];
  warmupMs: number;
  measureMs: number;
  /** Give up on an outstanding alert or ack this long after streaming stops. */
  drainMs: number;
  /** A chair skips its 1 Hz tick while this many of its readings are still unacknowledged. */
  maxInFlight: number;
  onSample?: () => void;
}

export interface LoadOutcome {
  /** Emit → the first alarm the physician hears (Vigil: a provisional alarm or the committed alert). */
  alertLatenciesMs: number[];
  /** Vigil only: emit → the committed alert (alert:changed "raised"). */
  committedLatenciesMs: number[];
  committedMissed: number;
  crossingsSent: number;
  crossingsMissed: number;
  offered: number;
  sent: number;
  skipped: number;
  acked: number;
  failed: number;
  firstFailure: string | null;
  ackLatenciesMs: number[];
  unacked: number;
  measuredSeconds: number;
  /** The load generator's own event-loop delay p99: if high, latencies above include client-side queueing. */
  clientLoopDelayP99Ms: number;
}

type DeviceSocket = Socket;
type Ack = { ok: boolean; error?: { message: string } };

const randomInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

async function connect(url: string, options: Parameters<typeof io>[1]): Promise<DeviceSocket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...options });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(new Error(`connect ${url}: ${error.message}`)));
  });
  return socket;
}

async function connectDevices(plan: LoadPlan): Promise<DeviceSocket[]> {
  const sockets: DeviceSocket[] = [];
  for (let i = 0; i < plan.seats.length; i += 100) {
    const batch = plan.seats
      .slice(i, i + 100)
      .map(() =>
        connect(`${plan.url}${deviceNamespace}`, plan.apiKey ? { auth: { apiKey: plan.apiKey } } : {}),
      );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/**
 * N chairs, each a device socket streaming HR/SpO2 at 1 Hz (jittered start) and BP every 3 minutes,
 * while chosen chairs send one SBP 205 reading each; the time from that emit to the physician socket
 * hearing the matching alert (session + raisedAt = the reading's observedAt) is the alert latency.
 */
export async function runChairLoad(plan: LoadPlan): Promise<LoadOutcome> {
  const physician = await connect(
    plan.url,
    plan.listener.kind === "vigil" ? { extraHeaders: { cookie: plan.listener.cookie } } : {},
  );
  await physician.emitWithAck("station:join");
  const devices = await connectDevices(plan);

  const pendingAlerts = new Map<string, number>();
  const pendingCommitted = new Map<string, number>();
  const alertLatenciesMs: number[] = [];
  const committedLatenciesMs: number[] = [];
  let allHeard: () => void = () => {};
  const heardIn = (pending: Map<string, number>, latencies: number[], key: string) => {
    const sentAt = pending.get(key);
    if (sentAt === undefined) return;
    pending.delete(key);
    latencies.push(performance.now() - sentAt);
    if (pendingAlerts.size === 0 && pendingCommitted.size === 0) allHeard();
  };
  const heard = (key: string) => heardIn(pendingAlerts, alertLatenciesMs, key);
  if (plan.listener.kind === "vigil") {
    physician.on("alert:provisional", (e: { sessionId: string; event: string; observedAt: string }) => {
      if (e.event === "raised") heard(`${e.sessionId}|${e.observedAt}`);
    });
    physician.on("alert:changed", (e: { sessionId: string; change: string; alert: { raisedAt: string } }) => {
      if (e.change !== "raised") return;
      const key = `${e.sessionId}|${e.alert.raisedAt}`;
      heard(key);
      heardIn(pendingCommitted, committedLatenciesMs, key);
    });
  } else {
    physician.on("relay:vitals", (e: { chair: string; reading: { observedAt: string; sbp?: number } }) => {
      if (e.reading.sbp === 205) heard(`${e.chair}|${e.reading.observedAt}`);
    });
  }

  const counts = { offered: 0, sent: 0, skipped: 0, acked: 0, failed: 0, unacked: 0 };
  let firstFailure: string | null = null;
  const ackLatenciesMs: number[] = [];
  let measuring = false;
  let acksDone: () => void = () => {};
  const inFlight = new Array<number>(devices.length).fill(0);

  const emit = (index: number, values: Record<string, number>, observedAt = new Date().toISOString()) => {
    const socket = devices[index]!;
    const seat = plan.seats[index]!;
    const sentAt = performance.now();
    const counted = measuring;
    inFlight[index]!++;
    counts.unacked++;
    if (counted) counts.sent++;
    socket.emit(
      "ingest:vitals",
      seat.chair,
      { id: crypto.randomUUID(), observedAt, ...values },
      (ack: Ack) => {
        inFlight[index]!--;
        counts.unacked--;
        if (counted) {
          ackLatenciesMs.push(performance.now() - sentAt);
          if (ack.ok) counts.acked++;
          else {
            counts.failed++;
            firstFailure ??= ack.error?.message ?? "failed without a message";
          }
        }
        if (counts.unacked === 0) acksDone();
      },
    );
  };

  const bpEvery = 180;
  const tick = (index: number, n: number) => {
    if (measuring) counts.offered++;
    if (inFlight[index]! >= plan.maxInFlight) {
      if (measuring) counts.skipped++;
      return;
    }
    const values: Record<string, number> = { hr: randomInt(66, 82), spo2: randomInt(96, 99) };
    if (n % bpEvery === 0) Object.assign(values, { sbp: randomInt(116, 132), dbp: randomInt(72, 84) });
    emit(index, values);
  };

  const timers: NodeJS.Timeout[] = [];
  devices.forEach((_, index) => {
    let n = randomInt(0, bpEvery - 1);
    timers.push(
      setTimeout(() => {
        tick(index, n++);
        timers.push(setInterval(() => tick(index, n++), 1000));
      }, Math.random() * 1000),
    );
  });

  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await wait(plan.warmupMs);

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  measuring = true;
  const started = performance.now();
  const crossingGap = plan.measureMs / Math.max(1, plan.crossingSeats.length);
  const indexOfChair = new Map(plan.seats.map((s, i) => [s.chair, i]));
  const crossingTimers = plan.crossingSeats.map((seat, k) =>
    setTimeout(
      () => {
        const observedAt = new Date().toISOString();
        counts.offered++;
        pendingAlerts.set(`${seat.sessionId}|${observedAt}`, performance.now());
        if (plan.listener.kind === "vigil")
          pendingCommitted.set(`${seat.sessionId}|${observedAt}`, performance.now());
        emit(
          indexOfChair.get(seat.chair)!,
          { sbp: 205, dbp: 95, hr: randomInt(66, 82), spo2: 98 },
          observedAt,
        );
      },
      (k + 0.5) * crossingGap,
    ),
  );
  const sampler = plan.onSample ? setInterval(plan.onSample, 2000) : null;
  await wait(plan.measureMs);
  measuring = false;
  const measuredSeconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  for (const t of [...timers, ...crossingTimers]) clearTimeout(t);
  if (sampler) clearInterval(sampler);

  const drained = (register: (done: () => void) => void, isDone: () => boolean) =>
    isDone() ? Promise.resolve() : new Promise<void>((resolve) => register(resolve));
  await Promise.race([
    Promise.all([
      drained(
        (done) => {
          allHeard = done;
        },
        () => pendingAlerts.size === 0 && pendingCommitted.size === 0,
      ),
      drained(
        (done) => {
          acksDone = done;
        },
        () => counts.unacked === 0,
      ),
    ]),
    wait(plan.drainMs),
  ]);

  for (const socket of [...devices, physician]) socket.close();
  return {
    alertLatenciesMs,
    committedLatenciesMs,
    committedMissed: pendingCommitted.size,
    crossingsSent: plan.crossingSeats.length,
    crossingsMissed: pendingAlerts.size,
    offered: counts.offered,
    sent: counts.sent,
    skipped: counts.skipped,
    acked: counts.acked,
    failed: counts.failed,
    firstFailure,
    ackLatenciesMs,
    unacked: counts.unacked,
    measuredSeconds,
    clientLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  };
}
