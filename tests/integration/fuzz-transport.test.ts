import { describe, expect, it } from "vitest";
import { deeplyNestedJson } from "../support/arbitraries.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { endpointEntries, urlOf, validRequestFor } from "../support/endpoint-requests.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import { fuzzTally } from "../support/fuzz-summary.ts";
import { clearErrorProblem, type RawResponse, rawRequest } from "../support/raw-request.ts";

/**
 * The bytes around the JSON: wrong content types, invalid JSON, bodies over the limit, nesting deeper
 * than any schema, broken percent-encoding. Every POST endpoint of the table gets each of them and
 * must answer a 4xx JSON error with a message, storing nothing.
 */
const tally = fuzzTally("fuzz-transport");

const fuzz = fuzzServer({ allowed: true, world: true, beforeClose: () => tally.write() });

const oneMegabyte = "x".repeat(1024 * 1024);

/** [what, content type, body, expected status]; the valid body is the endpoint's own valid request. */
function transportCases(validJson: string): [string, string | undefined, string, number][] {
  return [
    ["valid JSON sent as text/plain", "text/plain", validJson, 415],
    ["a form-encoded body", "application/x-www-form-urlencoded", "a=1&b=2", 415],
    ["a body without a content type", undefined, validJson, 415],
    ["XML", "application/xml", "<reading><hr>80</hr></reading>", 415],
    ["invalid JSON", "application/json", "{not json", 400],
    ["truncated JSON", "application/json", validJson.slice(0, -1), 400],
    ["a bare string", "application/json", '"just text"', 400],
    ["JSON null", "application/json", "null", 400],
    ["an array", "application/json", "[1,2,3]", 400],
    ["an unknown charset", "application/json; charset=klingon", validJson, 415],
    ["a 1 MB JSON string", "application/json", JSON.stringify({ text: oneMegabyte }), 413],
    ["a 1 MB text/plain body", "text/plain", oneMegabyte, 415],
    ["arrays nested 40 000 deep", "application/json", deeplyNestedJson(40_000, "array"), 400],
    ["objects nested 15 000 deep", "application/json", deeplyNestedJson(15_000, "object"), 400],
  ];
}

describe.each(endpointEntries.filter(([, e]) => e.method === "post"))("%s", (name, endpoint) => {
  it(`${endpoint.path}: wrong content types, invalid JSON, oversized and deeply nested bodies`, async () => {
    const caller = fuzz.allowed[name];
    const valid = validRequestFor(name, fuzz.world);
    const url = urlOf(endpoint, valid);
    for (const [what, contentType, body, expected] of transportCases(JSON.stringify(valid.body ?? {}))) {
      // An endpoint without a body ignores what is sent unless it is unreadable or too large.
      if (!endpoint.body && expected !== 413) continue;
      tally.add("bodies");
      const before = await dbFingerprint(fuzz.server.server.ctx.db);
      const res = await rawRequest(fuzz.server.url, { method: "post", path: url, caller, body, contentType });
      expect(res.status, `${name} with ${what}: ${res.text.slice(0, 200)}`).toBe(expected);
      expect(clearErrorProblem(res), `${name} with ${what}`).toBeNull();
      expect(await dbFingerprint(fuzz.server.server.ctx.db), `${name} with ${what}`).toEqual(before);
    }
  });
});

describe("URLs", () => {
  it.each([
    ["broken percent-encoding in a path parameter", "/api/sessions/%E0%A4%A/vitals", "post", 400],
    ["a 4 kB path parameter", `/api/sessions/${"a".repeat(4096)}`, "get", 400],
    ["an unknown API route", "/api/sessions/x/y/z", "get", 404],
    ["an unknown method on a known path", "/api/sessions", "put", 404],
  ])("%s answers %i with a JSON error", async (_what, path, method, expected) => {
    tally.add("urls");
    const res = await rawRequest(fuzz.server.url, {
      method,
      path,
      caller: fuzz.callers.nurse,
      body: method === "get" ? undefined : "{}",
      contentType: method === "get" ? undefined : "application/json",
    });
    expect(res.status).toBe(expected);
    expect(clearErrorProblem(res)).toBeNull();
  });

  it("answers a 1 MB string in a path parameter without crashing", async () => {
    tally.add("urls");
    const res = await rawRequest(fuzz.server.url, {
      method: "get",
      path: `/api/sessions/${"a".repeat(1024 * 1024)}`,
      caller: fuzz.callers.nurse,
    }).catch((error: Error) => ({ status: 0, error }));
    // Node's parser refuses a request line over its header limit before Express sees it: still a JSON error.
    expect(res.status).toBe(431);
    expect(clearErrorProblem(res as RawResponse)).toBeNull();
    const health = await rawRequest(fuzz.server.url, {
      method: "get",
      path: "/api/health",
      caller: fuzz.callers.nurse,
    });
    expect(health.status).toBe(200);
  });
});
