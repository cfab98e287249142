import type { AddressInfo } from "node:net";
import { createVigilServer, type VigilServer } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { loginAsDemo } from "./demo-login.ts";
import { testDatabase } from "./test-database.ts";

export interface TestServer {
  url: string;
  server: VigilServer;
  /** Logs in as a demo account and returns the session cookie ("vigil_session=..."). */
  login(role: "nurse" | "physician" | "admin"): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real server on an ephemeral port with a fresh database: a copy of the migrated PGlite template,
 * or a new PostgreSQL database when TEST_DATABASE_URL is set. Demo accounts exist; nothing streams.
 */
export async function startTestServer(
  options: { clientDir?: string; now?: () => Date } = {},
): Promise<TestServer> {
  const store = await testDatabase();
  const handle = await store.open();
  await migrateToLatest(handle.db);
  await ensureDemoAccounts(handle.db);
  const config = {
    ...loadConfig({}),
    demo: false,
    clientDir: options.clientDir ?? "dist/client",
  };
  // Timers run only when a test calls server.timers.runDue(), on the test's clock.
  const server = createVigilServer({
    db: handle.db,
    dbKind: handle.kind,
    config,
    now: options.now,
    timerIntervalMs: 3_600_000,
  });
  // Longer than any pause in a test, so a client never reuses a keep-alive socket the server is closing.
  server.httpServer.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    server,
    login: (role) => loginAsDemo(url, role),
    async close() {
      await server.close();
      await handle.close();
      await store.drop();
    },
  };
}
