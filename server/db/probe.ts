import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Whether the database answers a trivial query within timeoutMs: what a load balancer's health check needs
 * to know (a node that lost its database must stop receiving readings it cannot store).
 */
export async function databaseAnswers(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}
