import pg from "pg";
import { createClient } from "redis";

/** PostgreSQL and Redis for the multi-node tests (CI runs both; locally they may be absent). */
export const adminDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Why the multi-node tests cannot run here, or null when PostgreSQL and Redis both answer. */
export async function unavailableServices(): Promise<string | null> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  await client
    .connect()
    .then(() => client.end())
    .catch((error: Error) => problems.push(`PostgreSQL at ${adminDatabaseUrl}: ${error.message}`));
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on("error", () => {});
  await redis
    .connect()
    .then(() => redis.close())
    .catch((error: Error) => problems.push(`Redis at ${redisUrl}: ${error.message}`));
  return problems.length ? `multi-node tests skipped: ${problems.join("; ")}` : null;
}

/** A stream name no other test run shares, so parallel runs on one Redis do not see each other's events. */
export function uniqueStreamName(): string {
  return `vigil-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Deletes a test run's stream once its nodes are stopped. */
export async function deleteStream(name: string): Promise<void> {
  const redis = createClient({ url: redisUrl });
  redis.on("error", () => {});
  await redis.connect();
  await redis.del(name);
  await redis.close();
}

/** Runs cleanup steps last-registered first; one that fails does not keep the others (dropping the database) from running. */
export async function runCleanup(steps: (() => Promise<void>)[]): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps.reverse()) await step().catch((error: unknown) => errors.push(error));
  if (errors.length) throw new AggregateError(errors, "cleanup failed");
}
