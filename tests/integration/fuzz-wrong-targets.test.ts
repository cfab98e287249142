import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { runs } from "../support/arbitraries.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { endpointEntries, urlOf, validRequestFor } from "../support/endpoint-requests.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import { fuzzTally } from "../support/fuzz-summary.ts";
import { buildWorld, passwordOf, type World } from "../support/fuzz-world.ts";
import { type Caller, clearErrorProblem, jsonRequest, type RawResponse } from "../support/raw-request.ts";

/**
 * Requests of the right shape aimed at the wrong thing: ids that do not exist (404), a discharged and
 * locked session (409), text PostgreSQL cannot store (400). Each is refused and changes nothing.
 */
const tally = fuzzTally("fuzz-wrong-targets");

const fuzz = fuzzServer({ allowed: true, world: true, beforeClose: () => tally.write() });

async function refusedWithoutChange(
  method: string,
  url: string,
  caller: Caller,
  body: unknown,
  status: number,
): Promise<RawResponse> {
  const before = await dbFingerprint(fuzz.server.server.ctx.db);
  const res = await jsonRequest(fuzz.server.url, method, url, caller, body);
  const where = `${method.toUpperCase()} ${url}`;
  expect(res.status, `${where}: ${res.text.slice(0, 300)}`).toBe(status);
  expect(clearErrorProblem(res), where).toBeNull();
  expect(await dbFingerprint(fuzz.server.server.ctx.db), `${where} changed the database`).toEqual(before);
  return res;
}

describe("ids that do not exist answer 404", () => {
  const withId = endpointEntries.filter(([, e]) => e.path.includes(":id"));
  it.each(withId)("%s", async (name, endpoint) => {
    const valid = validRequestFor(name, fuzz.world);
    await fc.assert(
      fc.asyncProperty(fc.uuid({ version: 4 }), async (id) => {
        tally.add("unknown ids");
        const url = urlOf(endpoint, { ...valid, params: { ...valid.params, id } });
        const res = await refusedWithoutChange(endpoint.method, url, fuzz.allowed[name], valid.body, 404);
        expect(res.json.error.code).toBe("not_found");
      }),
      runs(2),
    );
  });

  it("a chair without an active session answers 404 to a device", async () => {
    tally.add("unknown ids");
    const valid = validRequestFor("ingestVitals", fuzz.world);
    const url = urlOf(endpointEntries.find(([n]) => n === "ingestVitals")![1], {
      params: { chair: "Nowhere" },
    });
    await refusedWithoutChange("post", url, fuzz.callers.device, valid.body, 404);
  });
});

/** Writes a locked record still accepts: a note added afterwards, and resetting an alarm. */
const allowedAfterDischarge = new Set(["addAddendum", "acknowledgeAlert"]);

async function discharge(w: World) {
  const { nurse, physician } = fuzz.callers;
  const post = async (caller: Caller, path: string, body: unknown) => {
    const res = await jsonRequest(fuzz.server.url, "post", path, caller, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    return res.json;
  };
  const base = `/api/sessions/${w.sessionId}`;
  await post(nurse, `${base}/screening`, validRequestFor("recordScreening", w).body);
  await post(physician, `${base}/clearances`, {
    kind: "baseline_bp",
    reason: "Known white-coat hypertension",
  });
  await post(physician, `${base}/clearances`, { kind: "screening", reason: "Reviewed with the patient" });
  await post(nurse, `${base}/phase`, { to: "infusing" });
  await post(nurse, `${base}/phase`, { to: "recovery" });
  const readiness = await jsonRequest(fuzz.server.url, "get", `${base}/discharge-readiness`, physician);
  const overrides = readiness.json.unmet.map((c: { id: string }) => ({
    criterionId: c.id,
    reason: "assessed",
  }));
  await post(physician, `${base}/discharge`, {
    password: passwordOf("physician"),
    meaningAccepted: true,
    overrides,
  });
}

describe("a discharged session is read-only", () => {
  let locked: World;
  beforeAll(async () => {
    locked = await buildWorld(fuzz.server.url, fuzz.callers);
    await discharge(locked);
  });
  // Which writes address the session: decided on placeholder rows, before any exist.
  const probe: World = {
    patientId: "patient",
    patientVersion: 1,
    sessionId: "session",
    chair: "chair",
    readingId: "reading",
    observationId: "observation",
    alertId: "alert",
    spareApiKeyId: "key",
    spareUserId: "user",
    clinicProfile: {},
    screeningQuestionIds: [],
  };
  const sessionBound = endpointEntries.filter(
    ([name, e]) =>
      e.method === "post" &&
      ["session", "reading", "observation", "alert"].includes(validRequestFor(name, probe).params?.id ?? ""),
  );

  it.each(sessionBound)("%s", async (name, endpoint) => {
    tally.add("locked session");
    const valid = validRequestFor(name, locked);
    const url = urlOf(endpoint, valid);
    if (allowedAfterDischarge.has(name)) {
      const res = await jsonRequest(fuzz.server.url, "post", url, fuzz.allowed[name], valid.body);
      expect(res.status, res.text).toBeLessThan(300);
      return;
    }
    const res = await refusedWithoutChange("post", url, fuzz.allowed[name], valid.body, 409);
    expect(res.json.error.code, res.text).toBe("session_locked");
  });
});

describe("text PostgreSQL cannot store is refused, not a 500", () => {
  it.each([
    [
      "a NUL in an addendum",
      "addAddendum",
      { text: "Escort \u0000 present" },
      "text",
      "must not contain NUL",
    ],
    ["a lone surrogate in a name", "createPatient", { fullName: "Ana \ud800" }, "fullName", "unpaired"],
    ["a NUL in an API key label", "createApiKey", { label: "Bay\u0000A" }, "label", "must not contain NUL"],
  ] as const)("%s", async (_what, name, override, path, message) => {
    tally.add("unstorable text");
    const endpoint = endpointEntries.find(([n]) => n === name)![1];
    const valid = validRequestFor(name, fuzz.world);
    const body = { ...(valid.body as object), ...override };
    const res = await refusedWithoutChange("post", urlOf(endpoint, valid), fuzz.allowed[name], body, 400);
    expect(res.json.error.issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
