import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVigilServer, type VigilServer } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import type { DatabaseHandle } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { testDatabase } from "../support/test-database.ts";

/** A node whose database goes away must say so to its load balancer, not keep answering 200. */
describe("GET /api/health checks the database", () => {
  let handle: DatabaseHandle;
  let server: VigilServer;
  let url: string;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const store = await testDatabase();
    drop = store.drop;
    handle = await store.open();
    await migrateToLatest(handle.db);
    server = createVigilServer({
      db: handle.db,
      dbKind: handle.kind,
      config: { ...loadConfig({}), demo: false },
      timerIntervalMs: 3_600_000,
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await server.close().catch(() => {});
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await drop?.();
  });

  it("answers 200 while the database answers, and 503 'unavailable' once it does not", async () => {
    const ok = await fetch(`${url}/api/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", database: handle.kind });

    await handle.close();
    const down = await fetch(`${url}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      error: { code: "unavailable", message: expect.stringContaining("database does not answer") },
    });
  });
});
