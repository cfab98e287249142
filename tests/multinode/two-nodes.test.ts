import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVigilServer, type VigilServer } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { type DatabaseHandle, openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { connectRedisAdapter, type RedisAdapter } from "../../server/realtime/redis-adapter.ts";
import { apiClient, connectSocket, nextEvent, type TestSocket } from "../support/api.ts";
import { loginAsDemo } from "../support/demo-login.ts";
import { startSession } from "../support/fixtures.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";
import { freePort } from "./node-process.ts";
import { watchSession } from "./physician-view.ts";
import {
  adminDatabaseUrl,
  deleteStream,
  redisUrl,
  runCleanup,
  unavailableServices,
  uniqueStreamName,
} from "./services.ts";
import { startBalancer } from "./tcp-balancer.ts";

const skipReason = await unavailableServices();
if (skipReason) console.warn(skipReason);

// Both nodes run on the test's clock; their timers fire only when the test calls runDue().
let clock = Date.parse("2026-11-22T09:00:00Z");
const at = () => new Date(clock).toISOString();

interface Node {
  url: string;
  server: VigilServer;
  database: DatabaseHandle;
  redis: RedisAdapter;
}

const cleanup: (() => Promise<void>)[] = [];
let nodes: Node[] = [];

async function startNode(databaseUrl: string, streamName: string): Promise<Node> {
  const database = await openDatabase({ databaseUrl });
  const redis = await connectRedisAdapter({ url: redisUrl, streamName });
  const server = createVigilServer({
    db: database.db,
    dbKind: database.kind,
    config: { ...loadConfig({}), demo: false },
    now: () => new Date(clock),
    timerIntervalMs: 3_600_000,
    redis,
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  cleanup.push(async () => {
    await server.close();
    await redis.close();
    await database.close();
  });
  return { url: `http://127.0.0.1:${port}`, server, database, redis };
}

const login = loginAsDemo;

describe.skipIf(skipReason !== null)(
  "two nodes in one process, sharing a database and a Redis stream",
  () => {
    beforeAll(async () => {
      const fresh = await freshPostgresDatabase(adminDatabaseUrl);
      cleanup.push(() => fresh.drop());
      const setup = await openDatabase({ databaseUrl: fresh.url });
      await migrateToLatest(setup.db);
      await ensureDemoAccounts(setup.db);
      await setup.close();
      const stream = uniqueStreamName();
      cleanup.push(() => deleteStream(stream));
      nodes = [await startNode(fresh.url, stream), await startNode(fresh.url, stream)];
    });
    afterAll(async () => {
      await runCleanup(cleanup);
    });

    it("fires an escalation exactly once when both nodes look for due timers at the same moment", async () => {
      const [a, b] = nodes as [Node, Node];
      const nurse = apiClient(a.url, await login(a.url, "nurse"));
      const physicianCookie = await login(b.url, "physician");
      const physician: TestSocket = await connectSocket(b.url, physicianCookie);
      try {
        const id = await startSession(nurse);
        const reading = (values: Record<string, unknown>) => ({
          id: crypto.randomUUID(),
          observedAt: at(),
          source: "manual",
          ...values,
        });
        expect((await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 120, dbp: 80 }))).status).toBe(
          201,
        );
        expect((await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" })).status).toBe(200);
        const joined = await physician.emitWithAck("session:join", id);
        expect(joined).toEqual({ ok: true });
        const raised = await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 210, dbp: 95 }));
        expect(raised.body.alerts[0]).toMatchObject({ parameter: "sbp", priority: "high" });

        const escalations: number[] = [];
        physician.on("alert:changed", (e) => {
          if (e.sessionId === id && e.change === "escalated") escalations.push(e.seq);
        });
        const seqs: number[] = [];
        for (const event of ["vitals:recorded", "alert:changed", "session:updated"] as const)
          physician.on(event, (e: { sessionId: string; seq: number }) => {
            if (e.sessionId === id) seqs.push(e.seq);
          });

        clock += 60_000;
        // Both nodes race for the due timer, several times each, while the nurse keeps writing readings
        // to the same session (the timer and the write must not deadlock on the session's locks).
        const writes = Array.from({ length: 8 }, () =>
          nurse.post(`/api/sessions/${id}/vitals`, reading({ hr: 80, spo2: 98 })),
        );
        const runs = [a, b, a, b, a, b].map((node) => node.server.timers.runDue());
        const [written] = await Promise.all([Promise.all(writes), Promise.all(runs)]);
        expect(written.map((w) => w.status)).toEqual(Array(8).fill(201));

        // A marker written through A after every run: once it arrives, any duplicate would have too.
        const marker = nextEvent(
          physician,
          "vitals:recorded",
          (e) => e.sessionId === id && e.reading.hr === 99,
        );
        await nurse.post(`/api/sessions/${id}/vitals`, reading({ hr: 99 }));
        const last = await marker;

        expect(escalations).toHaveLength(1);
        const alerts = await a.database.db
          .selectFrom("alerts")
          .select(["escalated_at"])
          .where("session_id", "=", id)
          .execute();
        expect(alerts.map((r) => r.escalated_at?.toISOString() ?? null)).toEqual([at()]);
        // Every number reserved was broadcast once: no event fired twice, none lost.
        const first = seqs.length ? Math.min(...seqs) : 0;
        expect([...seqs].sort((x, y) => x - y)).toEqual(
          Array.from({ length: last.seq - first + 1 }, (_, i) => first + i),
        );
      } finally {
        physician.close();
      }
    });

    it("recovers a physician's missed events on another node after a dropped connection, without a refetch", async () => {
      const [a, b] = nodes as [Node, Node];
      const nurse = apiClient(a.url, await login(a.url, "nurse"));
      const id = await startSession(nurse);
      const balancer = await startBalancer(Number(new URL(b.url).port));
      const view = await watchSession(balancer.url, await login(b.url, "physician"), id);
      const acked: string[] = [];
      const record = async (hr: number) => {
        const body = { id: crypto.randomUUID(), observedAt: at(), source: "manual", hr, spo2: 98 };
        expect((await nurse.post(`/api/sessions/${id}/vitals`, body)).status).toBe(201);
        acked.push(body.id);
      };
      try {
        for (let i = 0; i < 5; i++) await record(70 + i);
        await view.waitFor("the first readings", () => acked.every((r) => view.readings.has(r)));
        // The connection drops while B stays up (B keeps the socket's state in Redis) and the client cannot
        // get back in while five readings are written; then the balancer sends it to A, which replays what
        // it missed from the shared stream.
        balancer.routeTo(await freePort());
        balancer.dropConnections();
        for (let i = 0; i < 5; i++) await record(80 + i);
        const missed = acked.slice(-5);
        expect(view.connections).toHaveLength(1);
        balancer.routeTo(Number(new URL(a.url).port));
        await view.waitFor("the reconnection", () => view.connections.length === 2);
        for (let i = 0; i < 5; i++) await record(90 + i);
        await view.waitFor("every reading", () => acked.every((r) => view.readings.has(r)));

        expect(view.connections).toEqual([{ recovered: false }, { recovered: true }]);
        expect(view.refetches()).toBe(1);
        const replayed = view.live.filter((e) => e.readingId && missed.includes(e.readingId));
        expect(replayed.map((e) => e.connection)).toEqual([2, 2, 2, 2, 2]);
        const seqs = view.live.map((e) => e.seq);
        expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
      } finally {
        view.close();
        await balancer.close();
      }
    });
  },
);
