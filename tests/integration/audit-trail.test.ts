import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
  admin = apiClient(server.url, await server.login("admin"));
});
afterAll(async () => {
  await server.close();
});

const db = () => server.server.ctx.db;

async function allRows() {
  return db().selectFrom("audit_log").selectAll().orderBy("seq").execute();
}

describe("the audit trail", () => {
  it("records logins and failed logins with the actor", async () => {
    const bad = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "nurse", password: "wrong" }),
    });
    expect(bad.status).toBe(401);
    const unknown = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "nobody", password: "wrong" }),
    });
    expect(unknown.status).toBe(401);
    const rows = await allRows();
    const logins = rows.filter((r) => r.action === "login");
    expect(logins.map((r) => r.actor_name)).toEqual(expect.arrayContaining(["Dr. Sam Rivera"]));
    expect(logins.length).toBeGreaterThanOrEqual(3);
    const failed = rows.filter((r) => r.action === "login.failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ entity: "user", after: { username: "nurse" } });
    expect(failed[0]!.actor_id).not.toBeNull();
    expect(failed[1]).toMatchObject({ actor_id: null, actor_name: "nobody" });
  });

  it("records a reading, a phase change, an acknowledgement and a discharge in the session's trail", async () => {
    const id = await startSession(nurse);
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ spo2: 86 }));
    expect(raised.status).toBe(201);
    const ack = await physician.post(`/api/alerts/${raised.body.alerts[0].id}/acknowledge`, { note: "O2" });
    expect(ack.status).toBe(200);
    expect((await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" })).status).toBe(200);
    expect((await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" })).status).toBe(200);
    const refused = await physician.post(`/api/sessions/${id}/discharge`, {
      password: "guess",
      meaningAccepted: true,
    });
    expect(refused.status).toBe(400);
    const readiness = await physician.get(`/api/sessions/${id}/discharge-readiness`);
    const overrides = readiness.body.unmet.map((c: { id: string }) => ({
      criterionId: c.id,
      reason: "seen",
    }));
    const signed = await physician.post(`/api/sessions/${id}/discharge`, {
      password: "physician-demo",
      meaningAccepted: true,
      overrides,
    });
    expect(signed.status).toBe(200);

    const trail = await physician.get(`/api/sessions/${id}/audit`);
    expect(trail.status).toBe(200);
    const entries: { action: string; actorName: string; before: unknown; after: unknown }[] = trail.body;
    const by = (action: string) => entries.filter((e) => e.action === action);
    expect(by("session.create")[0]).toMatchObject({ actorName: "Nurse Alex Morgan" });
    expect(by("vitals:recorded")[0]).toMatchObject({ actorName: "Nurse Alex Morgan", after: { spo2: 86 } });
    expect(by("alert:raised")).toHaveLength(1);
    expect(by("alert.acknowledge")[0]).toMatchObject({
      actorName: "Dr. Sam Rivera",
      after: { acknowledgementNote: "O2" },
    });
    const phases = by("phase.change");
    expect(phases).toHaveLength(2);
    expect(phases[0]).toMatchObject({
      actorName: "Nurse Alex Morgan",
      before: { phase: "pre_infusion" },
      after: { phase: "infusing" },
    });
    expect(by("discharge.signature_refused")[0]).toMatchObject({ actorName: "Dr. Sam Rivera" });
    expect(by("discharge.sign")[0]).toMatchObject({
      actorName: "Dr. Sam Rivera",
      before: { phase: "recovery" },
      after: { session: { phase: "discharged" } },
    });
    expect((by("discharge.sign")[0]!.after as { overrides: unknown[] }).overrides).toHaveLength(
      overrides.length,
    );
    expect((await admin.get(`/api/sessions/${id}/audit`)).status).toBe(200);
  });

  it("lets only physicians and admins read it, and only admins verify", async () => {
    const id = await startSession(nurse);
    expect((await nurse.get(`/api/sessions/${id}/audit`)).status).toBe(403);
    expect((await nurse.get("/api/audit/verify")).status).toBe(403);
    expect((await physician.get("/api/audit/verify")).status).toBe(403);
    await sealAudit(db());
    const verified = await admin.get("/api/audit/verify");
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
    expect(verified.body.rows).toBeGreaterThan(5);
    expect(verified.body.sealedThrough).toBeGreaterThan(5);
    expect(verified.body.seals).toBeGreaterThan(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows in the database", async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
  });

  it("detects a sealed row changed behind the trigger's back", async () => {
    await sealAudit(db());
    const before = await verifyChain(db());
    expect(before).toMatchObject({ ok: true, unsealed: 0 });
    const target = (await allRows()).find((r) => r.action === "vitals:recorded")!;
    await db()
      .connection()
      .execute(async (conn) => {
        await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(conn);
        await sql`update audit_log set after = jsonb_set(after, '{spo2}', '99') where seq = ${target.seq}`.execute(
          conn,
        );
        await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(conn);
      });
    const after = await verifyChain(db());
    expect(after).toMatchObject({ ok: false, firstBadSeq: Number(target.seq) });
    const api = await admin.get("/api/audit/verify");
    expect(api.body).toMatchObject({ ok: false, firstBadSeq: Number(target.seq) });
  });
});
