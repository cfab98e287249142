import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appendAuditBatch, verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import type { Database } from "../../server/db/schema.ts";
import { db, entry, otherNode, rowsOf, seals, setUpAuditWorld, write } from "../support/audit-world.ts";

setUpAuditWorld();

/** Runs fn with the append-only triggers off, as a superuser could. */
async function behindTheTriggers(fn: (conn: Kysely<Database>) => Promise<unknown>) {
  await db.connection().execute(async (conn) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(conn);
    try {
      await fn(conn);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(conn);
    }
  });
}

describe("appending", () => {
  it("gives a batch ascending seqs in its order, through VALUES and through jsonb_to_recordset", async () => {
    for (const size of [5, 40]) {
      const ids = Array.from(
        { length: size },
        (_, i) => `order-${size}-${String(size - i).padStart(3, "0")}`,
      );
      await write(...ids);
      const rows = await rowsOf(ids);
      expect(rows.map((r) => r.id)).toEqual(ids);
      expect(rows.at(-1)!.seq - rows[0]!.seq).toBe(size - 1);
    }
  });
});

describe("sealing", () => {
  it("seals every committed row, records rolled-back seqs as gaps and verifies", async () => {
    await write("gap-1");
    const rolledBack = await db
      .transaction()
      .execute(async (trx) => {
        await appendAuditBatch(trx, [entry("gap-x"), entry("gap-y")]);
        throw new Error("refused");
      })
      .catch((error: Error) => error.message);
    expect(rolledBack).toBe("refused");
    await write("gap-2");
    const outcome = await sealAudit(db);
    expect(outcome.blocks).toBe(1);
    expect(outcome.skipped).toBeUndefined();
    const [before, after] = await rowsOf(["gap-1", "gap-2"]);
    const last = (await seals()).at(-1)!;
    expect(last.to).toBe(after!.seq);
    expect(last.gaps).toEqual([before!.seq + 1, before!.seq + 2]);
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0, sealedThrough: after!.seq });
    expect(await sealAudit(db)).toEqual({ blocks: 0, rows: 0 });
  });

  it("leaves rows above the last seal unsealed, not broken, until the next seal", async () => {
    await sealAudit(db);
    await write("later-1", "later-2");
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 2 });
    expect(await sealAudit(db)).toMatchObject({ blocks: 1, rows: 2 });
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("detects a sealed row changed, deleted or inserted into a gap behind the triggers' back", async () => {
    await write("t-1", "t-2", "t-3");
    await db
      .transaction()
      .execute(async (trx) => {
        await appendAuditBatch(trx, [entry("t-gap")]);
        throw new Error("refused");
      })
      .catch(() => {});
    await write("t-4");
    await sealAudit(db);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
    const [, t2, , t4] = await rowsOf(["t-1", "t-2", "t-3", "t-4"]);
    const original = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", "=", String(t2!.seq))
      .executeTakeFirstOrThrow();

    await behindTheTriggers((c) =>
      sql`update audit_log set after = '{"entityId": "t-2!"}' where seq = ${t2!.seq}`.execute(c),
    );
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: t2!.seq, reason: /hash/ });
    await behindTheTriggers((c) => sql`delete from audit_log where seq = ${t2!.seq}`.execute(c));
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: t2!.seq, reason: /missing/ });
    // Put back exactly as it was: the chain verifies again (it covers contents, not storage).
    await db.insertInto("audit_log").values(original).execute();
    expect(await verifyChain(db)).toMatchObject({ ok: true });

    const gapSeq = t4!.seq - 1;
    await db
      .insertInto("audit_log")
      .values({ ...original, id: crypto.randomUUID(), seq: String(gapSeq) })
      .execute();
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: gapSeq, reason: /not there/ });
    await behindTheTriggers((c) => sql`delete from audit_log where seq = ${gapSeq}`.execute(c));
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  it("refuses to change or delete a seal", async () => {
    await write("s-1");
    await sealAudit(db);
    await expect(sql`update audit_seals set hash = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_seals`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_seals`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("two sealers racing write consecutive blocks with no overlap", async () => {
    await sealAudit(db);
    const before = (await seals()).at(-1)!;
    for (let i = 0; i < 10; i++) await write(...Array.from({ length: 6 }, (_, k) => `race-${i}-${k}`));
    const outcomes = await Promise.all([
      sealAudit(db, { maxBlockRows: 7 }),
      sealAudit(otherNode, { maxBlockRows: 7 }),
      sealAudit(db, { maxBlockRows: 5, wait: false }),
    ]);
    expect(outcomes.reduce((n, o) => n + o.rows, 0)).toBe(60);
    const after = (await seals()).filter((s) => s.block > before.block);
    after.forEach((s, i) => {
      const previous = i === 0 ? before : after[i - 1]!;
      expect(s.block).toBe(previous.block + 1);
      expect(s.from).toBe(previous.to + 1);
    });
    expect(after.reduce((n, s) => n + s.row_count, 0)).toBe(60);
    expect(await verifyChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
