import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { apiClient } from "../support/api.ts";
import { loginAsDemo } from "../support/demo-login.ts";
import { startSession } from "../support/fixtures.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";
import { type NodeProcess, spawnNode, waitHealthy } from "./node-process.ts";
import { type PhysicianView, watchSession } from "./physician-view.ts";
import {
  adminDatabaseUrl,
  deleteStream,
  redisUrl,
  runCleanup,
  unavailableServices,
  uniqueStreamName,
} from "./services.ts";
import { type Balancer, startBalancer } from "./tcp-balancer.ts";

const skipReason = await unavailableServices();
if (skipReason) console.warn(skipReason);

let databaseUrl = "";
let nodes: NodeProcess[] = [];
const cleanup: (() => Promise<void>)[] = [];

const login = loginAsDemo;

const reading = (values: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  observedAt: new Date().toISOString(),
  source: "manual",
  ...values,
});

describe.skipIf(skipReason !== null)("three Vigil processes on one PostgreSQL and one Redis", () => {
  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(adminDatabaseUrl);
    databaseUrl = fresh.url;
    cleanup.push(() => fresh.drop());
    const stream = uniqueStreamName();
    cleanup.push(() => deleteStream(stream));
    const env = {
      DATABASE_URL: fresh.url,
      REDIS_URL: redisUrl,
      VIGIL_REDIS_STREAM: stream,
      VIGIL_DEMO: "0",
      VIGIL_ADMIN_PASSWORD: "Harbour-Lantern-8421-quiet",
    };
    // All three start at once on an empty database: they migrate and create the admin exactly once.
    nodes = await Promise.all(["A", "B", "C"].map((name) => spawnNode(name, env)));
    cleanup.push(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    });
    await Promise.all(nodes.map((node) => waitHealthy(node)));
    const setup = await openDatabase({ databaseUrl: fresh.url });
    await ensureDemoAccounts(setup.db);
    await setup.close();
  });
  afterAll(async () => {
    await runCleanup(cleanup);
  });

  it("shares state and live events across nodes, fires timers once, and survives losing a node", async () => {
    const [a, b, c] = nodes as [NodeProcess, NodeProcess, NodeProcess];
    const health = await fetch(`${b.url}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ database: "postgres", redis: "connected", demo: false });

    const nurse = apiClient(a.url, await login(a.url, "nurse"));
    const physicianCookie = await login(b.url, "physician");
    const id = await startSession(nurse);
    const acked: string[] = [];
    async function record(values: Record<string, unknown>) {
      const body = reading(values);
      const res = await nurse.post(`/api/sessions/${id}/vitals`, body);
      if (res.status !== 201) throw new Error(`reading refused: ${res.status} ${JSON.stringify(res.body)}`);
      acked.push(body.id);
      return res;
    }
    await record({ sbp: 122, dbp: 78 });
    expect((await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" })).status).toBe(200);

    // The physician reaches the cluster through a balancer that routes to B until B is gone.
    const balancer: Balancer = await startBalancer(b.port);
    cleanup.push(() => balancer.close());
    const view: PhysicianView = await watchSession(balancer.url, physicianCookie, id);
    cleanup.push(async () => view.close());

    // 1. Readings written through A reach the physician on B live, every one, in seq order.
    const liveFrom = view.live.length;
    for (let i = 0; i < 20; i++) await record({ hr: 70 + (i % 10), spo2: 98 });
    await view.waitFor("the 20 readings", () => acked.every((r) => view.readings.has(r)));
    const phase1 = view.live.slice(liveFrom);
    expect(phase1.map((e) => e.type)).toEqual(Array(20).fill("vitals:recorded"));
    expect(phase1.map((e) => e.seq)).toEqual(phase1.map((_, i) => phase1[0]!.seq + i));
    expect(view.refetches()).toBe(1);

    // 2. An alert raised through A reaches B; its 1-s escalation (the physician's session override)
    // fires on whichever node claims it first, exactly once.
    const profile = apiClient(b.url, physicianCookie);
    const current = await profile.get(`/api/sessions/${id}/profile`);
    const override = await profile.post(`/api/sessions/${id}/profile`, {
      profile: { ...current.body.effective, escalationSeconds: { high: 1, medium: 300 } },
      reason: "multi-node test: escalate within a second",
    });
    expect(override.status).toBe(200);
    await record({ sbp: 212, dbp: 96 });
    await view.waitFor("the escalation", () => view.live.some((e) => e.alertChange === "escalated"));
    await record({ hr: 99, spo2: 97 }); // a marker after the escalation: a duplicate would arrive before it
    await view.waitFor("the marker", () => view.readings.has(acked.at(-1)!));
    expect(view.live.filter((e) => e.alertChange === "raised")).toHaveLength(1);
    expect(view.live.filter((e) => e.alertChange === "escalated")).toHaveLength(1);
    expect([...view.alerts.values()].filter((al) => al.escalatedAt !== null)).toHaveLength(1);

    // 3. B dies mid-stream (SIGKILL: no goodbye). The balancer sends the physician's reconnection to C,
    // which cannot recover B's in-memory state: the view refetches and catches up.
    const streaming = (async () => {
      for (let i = 0; i < 40; i++) await record({ hr: 60 + (i % 20), spo2: 96 + (i % 3) });
    })();
    await view.waitFor("the stream under way", () => acked.length >= 30, 20_000);
    await b.stop("SIGKILL");
    balancer.routeTo(c.port);
    await streaming;
    await view.waitFor("the reconnection to C", () => view.connections.length === 2, 20_000);
    await view.waitFor("every acknowledged reading", () => acked.every((r) => view.readings.has(r)), 20_000);

    // Nothing lost, nothing duplicated: every acknowledged reading is stored once, the physician's view
    // holds each of them and is at the session's last seq, and each connection saw its events in order.
    const db = await openDatabase({ databaseUrl });
    try {
      const stored = await db.db
        .selectFrom("vitals_readings")
        .select("id")
        .where("session_id", "=", id)
        .execute();
      expect(stored.map((r) => r.id).sort()).toEqual([...acked].sort());
      const session = await db.db
        .selectFrom("infusion_sessions")
        .select("seq")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      await view.waitFor("the last seq", () => view.seq() === Number(session.seq));
    } finally {
      await db.close();
    }
    expect(view.readings.size).toBe(acked.length);
    expect(view.connections.map((conn) => conn.recovered)).toEqual([false, false]);
    for (const n of [1, 2]) {
      const seqs = view.live.filter((e) => e.connection === n).map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    }
    expect(view.refetches()).toBeGreaterThanOrEqual(2); // the catch-up after failing over
    expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
  });
});
