import pg from "pg";
import { advisoryLocks } from "../db/advisory-lock.ts";

export interface DemoLeadership {
  /** This node seeds the demo clinic and runs the demo monitors; the other nodes only serve. */
  leader: boolean;
  /** Call once the demo history is written: nodes waiting to start may go on. */
  seeded(): Promise<void>;
  /** Gives up the leadership (shutdown); a node that dies gives it up with its connection. */
  release(): Promise<void>;
}

/**
 * With several nodes on one PostgreSQL database, one node runs the demo. Every node waits while a
 * leader is seeding (no node's alert timers may advance a session half-way through its history), then
 * the first to arrive keeps a lock for its lifetime and seeds and streams; the others neither seed
 * again nor start a second simulator. Embedded PGlite is one process by construction: always leader.
 */
export async function claimDemoLeadership(databaseUrl: string | undefined): Promise<DemoLeadership> {
  if (!databaseUrl) return { leader: true, seeded: async () => {}, release: async () => {} };
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a lost connection only ends the leadership
  await client.connect();
  const seedKey = advisoryLocks.demoSeed.toString();
  const leaderKey = advisoryLocks.demoLeader.toString();
  await client.query("select pg_advisory_lock($1::bigint)", [seedKey]);
  const { rows } = await client.query<{ leader: boolean }>(
    "select pg_try_advisory_lock($1::bigint) as leader",
    [leaderKey],
  );
  const leader = rows[0]?.leader === true;
  const releaseSeed = () => client.query("select pg_advisory_unlock($1::bigint)", [seedKey]);
  if (!leader) {
    await releaseSeed();
    await client.end();
    return { leader, seeded: async () => {}, release: async () => {} };
  }
  let seedHeld = true;
  return {
    leader,
    async seeded() {
      if (!seedHeld) return;
      seedHeld = false;
      await releaseSeed();
    },
    async release() {
      await client.end().catch(() => {});
    },
  };
}
