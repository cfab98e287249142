import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionsFor } from "../../shared/clinical/screening/checklist.ts";
import { defaultScreeningProfile } from "../../shared/clinical/screening/profile.ts";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
});
afterAll(() => server.close());

const safeAnswers = (kind: "initial" | "follow_up") =>
  Object.fromEntries(
    questionsFor(defaultScreeningProfile, kind).map((q) => [q.id, q.blockingAnswer === "no" ? "yes" : "no"]),
  );

const start = (id: string) => nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });

describe("the baseline gate", () => {
  it("does not block a normal baseline, and cautions at 140/90", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 150, dbp: 92 }));
    const status = await nurse.get(`/api/sessions/${id}/pre-infusion`);
    expect(status.body).toMatchObject({ baselineLevel: "caution", canStart: true, blockers: [] });
    expect(status.body.cautions).toContain("Caution: baseline BP 150/92 mmHg is at or above 140/90.");
    expect((await start(id)).status).toBe(200);
  });

  it("refuses at 160/100 with the value and the limit until a physician clears it with a reason", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 165, dbp: 102 }));
    const refused = await start(id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("clearance_required");
    expect(refused.body.error.message).toMatch(
      /Baseline BP 165\/102 mmHg is at or above the limit of 160\/100/,
    );

    const byNurse = await nurse.post(`/api/sessions/${id}/clearances`, { kind: "baseline_bp", reason: "ok" });
    expect(byNurse.status).toBe(403);
    const noReason = await physician.post(`/api/sessions/${id}/clearances`, {
      kind: "baseline_bp",
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe("reason");
    const wrongKind = await physician.post(`/api/sessions/${id}/clearances`, {
      kind: "screening",
      reason: "x",
    });
    expect(wrongKind.status).toBe(409);

    const cleared = await physician.post(`/api/sessions/${id}/clearances`, {
      kind: "baseline_bp",
      reason: "Known treated hypertension, asymptomatic; repeat BP every 5 min.",
    });
    expect(cleared.status).toBe(201);
    expect(cleared.body.canStart).toBe(true);
    expect(cleared.body.clearances).toEqual([
      expect.objectContaining({
        kind: "baseline_bp",
        subject: "Baseline BP 165/102 mmHg (limit 160/100)",
        reason: "Known treated hypertension, asymptomatic; repeat BP every 5 min.",
        clearedBy: expect.objectContaining({ role: "physician" }),
      }),
    ]);
    expect((await start(id)).status).toBe(200);
    // Stored for the record: visible on the patient's course view too.
    const session = await nurse.get(`/api/sessions/${id}`);
    const course = await nurse.get(`/api/patients/${session.body.patient.id}/course`);
    expect(course.body.courses[0].infusions[0].clearances).toHaveLength(1);
  });

  it("needs a new clearance when a later baseline is higher than the one cleared", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 162, dbp: 95 }));
    await physician.post(`/api/sessions/${id}/clearances`, {
      kind: "baseline_bp",
      reason: "Anxious, rechecked",
    });
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 171, dbp: 96 }));
    expect((await start(id)).status).toBe(409);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 158, dbp: 94 }));
    expect((await start(id)).status).toBe(200);
  });
});

describe("pre-infusion screening", () => {
  it("asks the full checklist first and names each unanswered question", async () => {
    const id = await startSession(nurse);
    const status = await nurse.get(`/api/sessions/${id}/pre-infusion`);
    expect(status.body.kind).toBe("initial");
    expect(status.body.cautions).toContain("Pre-infusion screening not recorded.");
    const { heart_disease: _, ...partial } = safeAnswers("initial");
    const bad = await nurse.post(`/api/sessions/${id}/screening`, { answers: { ...partial, bogus: "no" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "answers.heart_disease",
      "answers.bogus",
    ]);
  });

  it("blocks on a blocking answer until a physician clears that screening", async () => {
    const id = await startSession(nurse);
    const recorded = await nurse.post(`/api/sessions/${id}/screening`, {
      answers: { ...safeAnswers("initial"), escort_arranged: "no" },
      medications: "Sertraline 100 mg",
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.screening.blocking).toEqual([
      { questionId: "escort_arranged", label: "Escort arranged to take the patient home", answer: "no" },
    ]);
    expect(recorded.body.canStart).toBe(false);
    const refused = await start(id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Escort arranged to take the patient home: no/);
    const cleared = await physician.post(`/api/sessions/${id}/clearances`, {
      kind: "screening",
      reason: "Taxi booked by the clinic; patient stays 2 h after discharge.",
    });
    expect(cleared.body.clearances[0].subject).toBe(
      "Screening: Escort arranged to take the patient home: no",
    );
    expect((await start(id)).status).toBe(200);
    const late = await nurse.post(`/api/sessions/${id}/screening`, { answers: safeAnswers("initial") });
    expect(late.status).toBe(409);
  });

  it("asks the short checklist once the patient has had an infusion", async () => {
    const first = await startSession(nurse);
    expect((await start(first)).status).toBe(200);
    const { body: detail } = await nurse.get(`/api/sessions/${first}`);
    const second = await nurse.post("/api/sessions", {
      patientId: detail.patient.id,
      chair: "3",
      weightKg: 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
    const status = await nurse.get(`/api/sessions/${second.body.id}/pre-infusion`);
    expect(status.body.kind).toBe("follow_up");
    const ok = await nurse.post(`/api/sessions/${second.body.id}/screening`, {
      answers: safeAnswers("follow_up"),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.canStart).toBe(true);
  });
});
