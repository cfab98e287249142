import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveOptions } from "../../server/simulator/live/options.ts";
import { parseSimulateArgs } from "../../server/simulator/live/options.ts";
import { runLiveSimulation } from "../../server/simulator/live/run.ts";
import { apiClient, connectSocket, type TestSocket } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/** The live simulator's client code, in-process, against the real server: nothing but the public API. */

let server: TestServer;
let socket: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  socket = await connectSocket(server.url, await server.login("physician"));
  expect(await socket.emitWithAck("station:join")).toEqual({ ok: true });
});
afterAll(async () => {
  socket.close();
  await server.close();
});

function options(args: string[]): LiveOptions {
  const parsed = parseSimulateArgs([...args, "--url", server.url, "--status-every", "60"]);
  if (typeof parsed === "string" || parsed.mode !== "live") throw new Error(`bad options: ${String(parsed)}`);
  return parsed;
}

async function simulate(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLiveSimulation(options(args), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, err, summary: JSON.parse(out.at(-1) ?? "{}") };
}

/** Resolves once `count` device readings of these chairs reached the station room. */
function deviceReadings(count: number, timeoutMs = 10_000): Promise<{ chair: string; sessionId: string }[]> {
  const seen: { chair: string; sessionId: string }[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${seen.length} of ${count} readings arrived`)),
      timeoutMs,
    );
    const onReading: Parameters<typeof socket.on<"vitals:recorded">>[1] = (e) => {
      if (e.reading.recordedBy.role !== "device" || e.reading.source !== "monitor") return;
      seen.push({ chair: "", sessionId: e.sessionId });
      if (seen.length < count) return;
      clearTimeout(timer);
      socket.off("vitals:recorded", onReading);
      resolve(seen);
    };
    socket.on("vitals:recorded", onReading);
  });
}

describe("npm run simulate (live chairs)", () => {
  it("streams simulated chairs through the public ingest path to a subscribed client", async () => {
    const arrived = deviceReadings(40);
    const { code, err, summary } = await simulate([
      "--chairs",
      "2",
      "--speed",
      "600",
      "--seed",
      "7",
      "--chair-prefix",
      "Live-",
      "--max-events",
      "100",
      "--rate-hz",
      "0.05",
    ]);
    expect(code).toBe(0);
    expect(err.filter((l) => l.includes("refused:") || l.includes("failed after"))).toEqual([]);
    expect(summary).toMatchObject({ refused: 0, retried: 0, sessionsStarted: 2, chairs: 2 });
    expect(summary.sent).toBeGreaterThanOrEqual(100);
    expect(summary.accepted).toBe(summary.sent);
    expect(summary.byKind.ingest.accepted).toBeGreaterThanOrEqual(40);
    expect(summary.byKind.phase.accepted).toBeGreaterThanOrEqual(2);
    const readings = await arrived;
    expect(new Set(readings.map((r) => r.sessionId)).size).toBe(2);

    const admin = apiClient(server.url, await server.login("admin"));
    const keys = await admin.get("/api/admin/api-keys");
    const own = keys.body.filter((k: { label: string }) => k.label.startsWith("Simulator "));
    expect(own).toHaveLength(1);
    expect(own[0].revokedAt).not.toBeNull();
    const sessions = await admin.get("/api/sessions");
    const live = sessions.body.filter((s: { session: { chair: string } }) =>
      s.session.chair.startsWith("Live-"),
    );
    expect(live.map((s: { session: { phase: string } }) => s.session.phase)).toEqual([
      "infusing",
      "infusing",
    ]);
  });

  it("reports and counts every refused reading instead of dropping it", async () => {
    const { code, err, summary } = await simulate([
      "--chairs",
      "1",
      "--speed",
      "600",
      "--chair-prefix",
      "Bad-",
      "--max-events",
      "12",
      "--api-key",
      "vgl_not-a-key",
    ]);
    expect(code).toBe(0);
    expect(summary.byKind.ingest.refused).toBeGreaterThan(0);
    expect(summary.refused).toBe(summary.byKind.ingest.refused);
    expect(summary.accepted + summary.refused).toBe(summary.sent);
    const reported = err.filter((l) =>
      l.includes("ingest refused: 401 unauthenticated: The API key is unknown"),
    );
    expect(reported).toHaveLength(summary.refused);
  });

  it("refuses to take over a chair that already has an active session", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    await startSession(nurse, { chair: "Busy-1" });
    const { code, err } = await simulate(["--chairs", "1", "--chair-prefix", "Busy-", "--max-events", "5"]);
    expect(code).toBe(1);
    expect(err.join("\n")).toMatch(/chair Busy-1 already has an active session/);
  });
});
