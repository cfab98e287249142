import { createVigilServer } from "./app.ts";
import { countUsers } from "./auth/repo.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { demoAccounts, ensureUser } from "./demo/accounts.ts";
import { seedDemoClinic } from "./demo/clinic.ts";
import { startDemoSimulator } from "./demo/simulator-process.ts";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => {
    console.error(`Vigil could not open its database: ${error.message}`);
    if (!config.databaseUrl) {
      console.error(
        `Is another Vigil process using ${config.dataDir}? Only one process may open an embedded database.`,
      );
    }
    process.exit(1);
  },
);
await migrateToLatest(database.db);

// The demo history is written before the server (and its alert timers) starts: nobody is connected
// yet, and no timer may advance a session half-way through its history.
const demo = config.demo
  ? await seedDemoClinic({
      db: database.db,
      dbKind: database.kind,
      config,
      publisher: { sessionChanged: () => {}, stationChanged: () => {} },
      now: () => new Date(),
    })
  : null;
const server = createVigilServer({ db: database.db, dbKind: database.kind, config });
let stopSimulator = async () => {};
if (!config.demo && (await countUsers(database.db)) === 0) {
  if (config.adminPassword) {
    await ensureUser(database.db, {
      username: "admin",
      password: config.adminPassword,
      displayName: "Administrator",
      role: "admin",
    });
    console.log("Created the first account: admin (password from VIGIL_ADMIN_PASSWORD).");
  } else {
    console.warn("No accounts exist. Set VIGIL_ADMIN_PASSWORD on first start to create the admin account.");
  }
}

server.httpServer.listen(config.port, config.host, () => {
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Vigil is running at http://${config.host}:${port}/`);
  console.log(
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
  );
  if (demo) {
    console.log("Demo clinic (VIGIL_DEMO=0 turns it off). Logins:");
    for (const a of demoAccounts) console.log(`  ${a.role.padEnd(9)} ${a.username} / ${a.password}`);
    const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
    const simulator = startDemoSimulator(
      `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      demo.ingestKey,
    );
    stopSimulator = simulator.stop;
    console.log(
      "Demo monitors: the simulator streams the chairs through the ingest API (POST /api/ingest/...).",
    );
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await stopSimulator();
  await server.close();
  await database.close();
  console.log("Database closed cleanly.");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
