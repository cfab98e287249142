import { describe, expect, it } from "vitest";
import { registerCoursePatient, serverWithRoleClients } from "../support/role-clients.ts";

const { nurse, physician, admin } = serverWithRoleClients(["nurse", "physician", "admin"]);
const register = (extra: Record<string, unknown> = {}) => registerCoursePatient(nurse, extra);

describe("patient records", () => {
  it("registers with allergies and contraindications, searchable by name and MRN", async () => {
    const p = await register({
      fullName: "Ingrid Solberg",
      allergies: "Penicillin",
      contraindications: "None known",
    });
    expect(p).toMatchObject({ allergies: "Penicillin", contraindications: "None known", version: 1 });
    const byName = await nurse.get("/api/patients?q=solberg");
    expect(byName.body.map((x: { id: string }) => x.id)).toContain(p.id);
    const byMrn = await nurse.get(`/api/patients?q=${p.mrn.toLowerCase()}`);
    expect(byMrn.body.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it("refuses a duplicate MRN with 409 on the field", async () => {
    const p = await register();
    const dup = await nurse.post("/api/patients", {
      mrn: p.mrn,
      fullName: "Other",
      dateOfBirth: "1990-01-01",
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.issues).toEqual([{ path: "mrn", message: "is already registered" }]);
  });

  it("keeps every version of an edited record, with who, when and why", async () => {
    const p = await register({ allergies: "" });
    const edit = await physician.post(`/api/patients/${p.id}`, {
      mrn: p.mrn,
      fullName: p.fullName,
      dateOfBirth: p.dateOfBirth,
      weightKg: 74.5,
      allergies: "Latex",
      contraindications: "",
      version: 1,
      reason: "Weighed today",
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ weightKg: 74.5, allergies: "Latex", version: 2 });

    const { mrn: m, fullName, dateOfBirth } = edit.body;
    const stale = await nurse.post(`/api/patients/${p.id}`, {
      mrn: m,
      fullName,
      dateOfBirth,
      weightKg: 80,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since you opened it/);

    const history = await nurse.get(`/api/patients/${p.id}/history`);
    expect(history.body).toHaveLength(2);
    expect(history.body[0]).toMatchObject({
      version: 2,
      weightKg: 74.5,
      allergies: "Latex",
      reason: "Weighed today",
    });
    expect(history.body[0].changedBy.role).toBe("physician");
    expect(history.body[1]).toMatchObject({ version: 1, weightKg: 72, allergies: "" });
    expect(history.body[1].changedBy.role).toBe("nurse");
  });

  it("lets nurses and physicians edit, not admins; validates the edit", async () => {
    const p = await register();
    const body = { mrn: p.mrn, fullName: "X", dateOfBirth: p.dateOfBirth, version: 1 };
    expect((await admin.post(`/api/patients/${p.id}`, body)).status).toBe(403);
    const bad = await nurse.post(`/api/patients/${p.id}`, { ...body, weightKg: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: "weightKg" });
  });
});
