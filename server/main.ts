import { createVigilServer } from "./app.ts";
import { countUsers } from "./auth/repo.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { demoAccounts, ensureUser } from "./demo/accounts.ts";
import { seedDemoClinic } from "./demo/clinic.ts";
import { startDemoGenerator } from "./demo/generator.ts";

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

const server = createVigilServer({ db: database.db, dbKind: database.kind, config });
let stopGenerator = () => {};
if (config.demo) {
  await seedDemoClinic(server.ctx);
  stopGenerator = startDemoGenerator(server.ctx);
} else if ((await countUsers(database.db)) === 0) {
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
  if (config.demo) {
    console.log("Demo clinic (VIGIL_DEMO=0 turns it off). Logins:");
    for (const a of demoAccounts) console.log(`  ${a.role.padEnd(9)} ${a.username} / ${a.password}`);
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  stopGenerator();
  await server.close();
  await database.close();
  console.log("Database closed cleanly.");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
