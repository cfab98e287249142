import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appendAuditBatch, verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import {
  db,
  entry,
  otherNode,
  pgUrl,
  rowsOf,
  seals,
  setUpAuditWorld,
  write,
} from "../support/audit-world.ts";

/** The sealer against writers whose transactions overlap: PostgreSQL only (PGlite runs one transaction at a time). */

setUpAuditWorld();

/** A write transaction held open after inserting its audit row, until commit() or rollback(). */
function openWrite(id: string) {
  let inserted!: () => void;
  let finish!: (commit: boolean) => void;
  const insertedP = new Promise<void>((r) => {
    inserted = r;
  });
  const finishP = new Promise<boolean>((r) => {
    finish = r;
  });
  const done = db
    .transaction()
    .execute(async (trx) => {
      await appendAuditBatch(trx, [entry(id)]);
      inserted();
      if (!(await finishP)) throw new Error("rolled back");
    })
    .catch((error: Error) => error.message);
  return { inserted: insertedP, commit: () => finish(true), rollback: () => finish(false), done };
}

/** Resolves once some transaction waits for a lock on audit_log (polls pg_locks: a condition, not a delay). */
async function someoneWaitsOnAuditLog() {
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
      where relation = 'audit_log'::regclass and not granted`.execute(otherNode);
    if (rows[0]!.n > 0) return;
  }
}

describe.runIf(pgUrl)("sealing while writes are in flight (PostgreSQL)", () => {
  it("never seals past a write that commits after a later one; a timed-out round changes nothing", async () => {
    await sealAudit(db);
    const a = openWrite("inflight-a");
    await a.inserted;
    await write("inflight-b"); // takes a higher seq and commits first
    const [rowB] = await rowsOf(["inflight-b"]);
    const sealsBefore = await seals();

    expect(await sealAudit(db, { wait: false })).toEqual({ blocks: 0, rows: 0, skipped: "lock-timeout" });
    expect(await seals()).toEqual(sealsBefore);

    const sealing = sealAudit(otherNode);
    await someoneWaitsOnAuditLog();
    a.commit();
    expect(await a.done).toBeUndefined();
    await sealing;
    const [rowA] = await rowsOf(["inflight-a"]);
    expect(rowA!.seq).toBeLessThan(rowB!.seq);
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0, sealedThrough: rowB!.seq });
  });

  it("seals around a write that rolls back after a later one committed", async () => {
    const a = openWrite("rollback-a");
    await a.inserted;
    await write("rollback-b");
    const sealing = sealAudit(otherNode);
    await someoneWaitsOnAuditLog();
    a.rollback();
    expect(await a.done).toBe("rolled back");
    await sealing;
    expect(await rowsOf(["rollback-a"])).toEqual([]);
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("lets a write queued behind the horizon's lock through when the horizon gives up", async () => {
    const a = openWrite("queued-a");
    await a.inserted;
    const round = sealAudit(otherNode, { wait: false, lockTimeoutMs: 500 });
    await someoneWaitsOnAuditLog();
    await write("queued-c"); // waits behind the sealer's lock request, then goes through while a is open
    expect(await round).toMatchObject({ skipped: "lock-timeout" });
    expect(await rowsOf(["queued-c"])).toHaveLength(1);
    a.commit();
    await a.done;
    await sealAudit(db);
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
