import { describe, expect, it } from "vitest";
import { registerCoursePatient, serverWithRoleClients } from "../support/role-clients.ts";

const { nurse, physician } = serverWithRoleClients(["nurse", "physician"]);
const register = (extra: Record<string, unknown> = {}) => registerCoursePatient(nurse, extra);

async function session(patientId: string, start = true): Promise<string> {
  const res = await nurse.post("/api/sessions", {
    patientId,
    chair: "2",
    weightKg: 72,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
  });
  expect(res.status).toBe(201);
  if (start)
    expect((await nurse.post(`/api/sessions/${res.body.id}/phase`, { to: "infusing" })).status).toBe(200);
  return res.body.id;
}

const phq9 = (total: number) => {
  const items = Array.from({ length: 9 }, (_, i) => Math.min(3, Math.max(0, total - i * 3)));
  return { instrument: "phq9", items, respondent: "patient" };
};

describe("treatment courses", () => {
  it("numbers sessions induction 1..6, then opens maintenance", async () => {
    const p = await register();
    const labels: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await session(p.id);
      labels.push((await nurse.get(`/api/sessions/${id}/course`)).body.label);
    }
    expect(labels).toEqual([
      "infusion 1 of 6",
      "infusion 2 of 6",
      "infusion 3 of 6",
      "infusion 4 of 6",
      "infusion 5 of 6",
      "infusion 6 of 6",
      "maintenance infusion 1",
      "maintenance infusion 2",
    ]);
    const course = await nurse.get(`/api/patients/${p.id}/course`);
    expect(course.body.courses.map((c: { kind: string; status: string }) => [c.kind, c.status])).toEqual([
      ["maintenance", "active"],
      ["induction", "closed"],
    ]);
    expect(course.body.next).toMatchObject({ kind: "maintenance", infusionNumber: 3, newCourse: false });
  });

  it("lets only a physician start a maintenance course, with a reason", async () => {
    const p = await register();
    await session(p.id);
    const body = { kind: "maintenance", reason: "Responded after 4 infusions" };
    expect((await nurse.post(`/api/patients/${p.id}/courses`, body)).status).toBe(403);
    const noReason = await physician.post(`/api/patients/${p.id}/courses`, { kind: "maintenance" });
    expect(noReason.status).toBe(400);
    const started = await physician.post(`/api/patients/${p.id}/courses`, body);
    expect(started.status).toBe(201);
    expect(started.body.courses[0]).toMatchObject({
      kind: "maintenance",
      status: "active",
      reason: body.reason,
    });
    expect(started.body.courses[0].startedBy.role).toBe("physician");
    const id = await session(p.id);
    expect((await nurse.get(`/api/sessions/${id}/course`)).body.label).toBe("maintenance infusion 1");
  });

  it("summarises each infusion and flags a non-response after the induction series", async () => {
    const p = await register();
    const scores = [20, 19, 17, 15, 13, 11];
    for (const score of scores) {
      const id = await session(p.id, false);
      expect((await nurse.post(`/api/sessions/${id}/outcomes`, phq9(score))).status).toBe(201);
      await nurse.post(`/api/sessions/${id}/vitals`, {
        id: crypto.randomUUID(),
        observedAt: new Date().toISOString(),
        sbp: 130,
        dbp: 80,
      });
      await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
      const before = (await nurse.get(`/api/patients/${p.id}/course`)).body.response;
      if (score !== 11) expect(before.status).toBe("not_assessable");
    }
    const course = (await nurse.get(`/api/patients/${p.id}/course`)).body;
    expect(course.response).toMatchObject({
      status: "non_response",
      firstPhq9: 20,
      latestPhq9: 11,
      dropPercent: 45,
    });
    expect(course.outcomes.map((o: { total: number }) => o.total)).toEqual(scores);
    expect(course.courses[0].infusions[0]).toMatchObject({
      label: "infusion 1 of 6",
      phq9: 20,
      peakSbp: 130,
    });
  });

  it("names the PHQ-9 item that is wrong", async () => {
    const p = await register();
    const id = await session(p.id, false);
    const items = [0, 1, 2, 3, 0, 1, 2, 3, 0];
    items[2] = 4;
    const bad = await nurse.post(`/api/sessions/${id}/outcomes`, {
      instrument: "phq9",
      items,
      respondent: "patient",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      { path: "items.2", message: expect.stringMatching(/^item 3 \(Trouble falling.*must be 0, 1, 2 or 3$/) },
    ]);
    const short = await nurse.post(`/api/sessions/${id}/outcomes`, {
      instrument: "phq9",
      items: [1, 1],
      respondent: "patient",
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/the 9 PHQ-9 answers/);
    const madrs = await nurse.post(`/api/sessions/${id}/outcomes`, { instrument: "madrs", total: 61 });
    expect(madrs.status).toBe(400);
    expect(madrs.body.error.issues[0].path).toBe("total");
    const ok = await nurse.post(`/api/sessions/${id}/outcomes`, {
      instrument: "phq9",
      items: [3, 3, 3, 3, 3, 3, 2, 2, 2],
      respondent: "clinician",
    });
    expect(ok.body).toMatchObject({ total: 24, severity: "Severe", respondent: "clinician" });
  });
});
