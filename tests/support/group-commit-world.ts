import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  type UnknownRow,
  ValueNode,
} from "kysely";
import { afterAll, beforeAll } from "vitest";
import type { AppContext } from "../../server/app-context.ts";
import { loadConfig } from "../../server/config.ts";
import type { DatabaseHandle } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import type { HttpError } from "../../server/http/errors.ts";
import { insertPatient } from "../../server/patients/repo.ts";
import type { SessionChange } from "../../server/realtime/publisher.ts";
import { createSession } from "../../server/sessions/service.ts";
import type { ProvisionalAlarm } from "../../shared/events.ts";
import type { User } from "../../shared/schemas/user.ts";
import { testDatabase } from "./test-database.ts";

/** Counts batches (one audit insert each) and can make the next multi-row reading insert fail once. */
export class BatchProbe implements KyselyPlugin {
  auditInserts = 0;
  readingInserts = 0;
  failNextMultiRowReadingInsert = false;
  /** Called as the next batch's readings insert is built, i.e. while that batch is being written. */
  onNextReadingInsert: (() => void) | undefined;
  /** Called as the next batch locks its sessions, i.e. as that batch starts. */
  onNextSessionLock: (() => void) | undefined;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (RawNode.is(node)) {
      this.#seeFixedStatement(node);
      return node;
    }
    // Other appends (a session's lifecycle, an amendment) write their audit rows on their own.
    if (node.kind === "InsertQueryNode" && node.into?.table.identifier.name === "audit_log") {
      this.auditInserts++;
    }
    return node;
  }
  /** The batch's fixed statements (server/db/fixed-statement.ts): its session lock and its one write. */
  #seeFixedStatement(node: RawNode): void {
    const text = node.sqlFragments.join("?");
    if (/from infusion_sessions[\s\S]*for update/.test(text) && this.onNextSessionLock) {
      const hook = this.onNextSessionLock;
      this.onNextSessionLock = undefined;
      hook();
    }
    if (!text.includes("insert into vitals_readings")) return;
    if (text.includes("insert into audit_log")) this.auditInserts++;
    this.readingInserts++;
    const hook = this.onNextReadingInsert;
    this.onNextReadingInsert = undefined;
    hook?.();
    // The readings' first column array (their ids) follows the seq and audit parameters.
    const ids = node.parameters[3];
    const rows = ids && ValueNode.is(ids) && Array.isArray(ids.value) ? ids.value.length : 0;
    if (rows > 1 && this.failNextMultiRowReadingInsert) {
      this.failNextMultiRowReadingInsert = false;
      throw new Error("injected batch failure");
    }
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

let handle: DatabaseHandle;
let drop: (() => Promise<void>) | undefined;
export let ctx: AppContext;
export let nurse: User;
export const probe = new BatchProbe();
export const published: { sessionId: string; seq: number; change: SessionChange }[] = [];
/** Provisional alarms and their settlement, in the order they were published (with how many changes were then). */
export const provisional: ((
  | { kind: "alarm"; alarm: ProvisionalAlarm }
  | { kind: "settled"; sessionId: string; readingId: string; recorded: boolean }
) & { published: number })[] = [];

/** The batcher on a fresh database per test file: call once at the top of the file. */
export function setUpGroupCommitWorld(): void {
  beforeAll(async () => {
    const store = await testDatabase();
    drop = store.drop;
    handle = await store.open();
    await migrateToLatest(handle.db);
    ({ nurse } = await ensureDemoAccounts(handle.db));
    ctx = {
      db: handle.db.withPlugin(probe),
      dbKind: handle.kind,
      config: loadConfig({}),
      publisher: {
        sessionChanged: (sessionId, seq, change) => published.push({ sessionId, seq, change }),
        stationChanged: () => {},
        loginsEnded: () => {},
        provisionalAlarm: (alarm) => provisional.push({ kind: "alarm", alarm, published: published.length }),
        provisionalSettled: (sessionId, readingId, recorded) =>
          provisional.push({ kind: "settled", sessionId, readingId, recorded, published: published.length }),
      },
      now: () => new Date(),
    };
  });

  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });
}

export async function newSession(chair: string): Promise<string> {
  const mrn = `GC-${crypto.randomUUID().slice(0, 8)}`;
  const patient = await insertPatient(
    ctx.db,
    { mrn, fullName: "Batch Patient", dateOfBirth: "1980-05-01", weightKg: 70 },
    new Date(),
  );
  const session = await createSession(ctx, nurse, {
    patientId: patient.id,
    chair,
    weightKg: 70,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
  });
  return session.id;
}

export const reading = <S extends "manual" | "monitor" = "manual">(
  values: { source?: S; [k: string]: unknown } = {},
) => ({
  id: crypto.randomUUID() as string,
  observedAt: new Date().toISOString(),
  source: (values.source ?? "manual") as S,
  sbp: 124,
  dbp: 78,
  hr: 72,
  spo2: 98,
  rr: 14,
  ...values,
});

export const statusOf = (result: PromiseSettledResult<unknown>) =>
  result.status === "rejected" ? (result.reason as HttpError).status : 200;
