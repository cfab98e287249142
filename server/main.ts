import { passwordPolicyProblems } from "../shared/schemas/password-policy.ts";
import { createVigilServer } from "./app.ts";
import { countUsers } from "./auth/repo.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { demoAccounts, ensureUser } from "./demo/accounts.ts";
import { seedDemoClinic } from "./demo/clinic.ts";
import { claimDemoLeadership } from "./demo/demo-leader.ts";
import { startDemoSimulator } from "./demo/simulator-process.ts";
import { logger } from "./logging/logger.ts";
import { silentPublisher } from "./realtime/publisher.ts";
import { connectRedisAdapter, redisStreamName } from "./realtime/redis-adapter.ts";

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onEmbeddedDatabaseLost(error) {
    // Nothing can be recorded without it. Exit, so the service manager restarts Vigil: devices and
    // tablets keep every entry not yet acknowledged and send it again (the lock is already released).
    logger.fatal(`The embedded database stopped: ${error.message}. Vigil exits to be restarted.`);
    process.exit(1);
  },
}).catch((error: Error) => {
  logger.error(`Vigil could not open its database: ${error.message}`);
  if (!config.databaseUrl) {
    logger.error(
      `Is another Vigil process using ${config.dataDir}? Only one process may open an embedded database.`,
    );
  }
  process.exit(1);
});
const redis = config.redisUrl
  ? await connectRedisAdapter({
      url: config.redisUrl,
      streamName: redisStreamName(),
      onError: (message) => logger.error(message),
    }).catch((error: Error) => {
      logger.error(error.message);
      process.exit(1);
    })
  : undefined;
await migrateToLatest(database.db);

// The demo history is written before the server (and its alert timers) starts: nobody is connected
// yet, and no timer may advance a session half-way through its history.
// With several nodes on one PostgreSQL database, one of them seeds and streams the demo.
const demoLeadership = config.demo ? await claimDemoLeadership(config.databaseUrl) : null;
const demo = demoLeadership?.leader
  ? await seedDemoClinic({
      db: database.db,
      dbKind: database.kind,
      config,
      publisher: silentPublisher,
      now: () => new Date(),
    })
  : null;
await demoLeadership?.seeded();
const server = createVigilServer({ db: database.db, dbKind: database.kind, config, redis });
let stopSimulator = async () => {};
if (!config.demo && (await countUsers(database.db)) === 0) {
  if (config.adminPassword) {
    const problems = passwordPolicyProblems(config.adminPassword, "admin");
    if (problems.length > 0) {
      logger.fatal(`VIGIL_ADMIN_PASSWORD is refused: it ${problems.join(", ")}.`);
      process.exit(1);
    }
    await ensureUser(database.db, {
      username: "admin",
      password: config.adminPassword,
      displayName: "Administrator",
      role: "admin",
    });
    logger.info("Created the first account: admin (password from VIGIL_ADMIN_PASSWORD).");
  } else {
    logger.warn("No accounts exist. Set VIGIL_ADMIN_PASSWORD on first start to create the admin account.");
  }
}

server.httpServer.listen(config.port, config.host, () => {
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info(`Vigil is running at http://${config.host}:${port}/`);
  logger.info(
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
  );
  logger.info(
    redis
      ? `Live updates: shared with other nodes through the Redis stream "${redis.streamName}" (REDIS_URL)`
      : "Live updates: this node only (set REDIS_URL to run several nodes)",
  );
  if (demoLeadership && !demoLeadership.leader)
    logger.info("Demo clinic: another node seeds and streams it.");
  if (demo) {
    logger.info("Demo clinic (VIGIL_DEMO=0 turns it off). Logins:");
    for (const a of demoAccounts) logger.info(`  ${a.role.padEnd(9)} ${a.username} / ${a.password}`);
    const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
    const simulator = startDemoSimulator(
      `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      demo.ingestKey,
    );
    stopSimulator = simulator.stop;
    logger.info(
      "Demo monitors: the simulator streams the chairs through the ingest API (POST /api/ingest/...).",
    );
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  await stopSimulator();
  await server.close();
  await redis?.close();
  await demoLeadership?.release();
  await database.close();
  logger.info("Database closed cleanly.");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
