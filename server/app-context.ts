import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
import type { DatabaseKind } from "./db/database.ts";
import type { Database } from "./db/schema.ts";
import type { Publisher } from "./realtime/publisher.ts";

/** What every feature module receives: storage, configuration, the realtime publisher and the clock. */
export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  publisher: Publisher;
  now: () => Date;
}
