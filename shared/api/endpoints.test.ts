import { describe, expect, it } from "vitest";
import { type Endpoint, pathFor } from "./endpoint.ts";
import { endpoints } from "./endpoints.ts";

const id = "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c";

describe("pathFor", () => {
  it.each([
    ["/api/health", {}, "/api/health"],
    ["/api/sessions/:id", { id }, `/api/sessions/${id}`],
    ["/api/sessions/:id/vitals", { id }, `/api/sessions/${id}/vitals`],
    ["/api/a/:id/b/:other", { id: "1", other: "2" }, "/api/a/1/b/2"],
    ["/api/sessions/:id", { id: "a/b?c#d e" }, "/api/sessions/a%2Fb%3Fc%23d%20e"],
    ["/api/sessions/:id", { id, extra: "ignored" }, `/api/sessions/${id}`],
  ])("fills %s with %j", (path, params, expected) => {
    expect(pathFor(path, params)).toBe(expected);
  });

  it.each([
    ["/api/sessions/:id", {}],
    ["/api/a/:id/b/:other", { id: "1" }],
  ])("throws when %s misses a parameter", (path, params) => {
    expect(() => pathFor(path, params)).toThrow(/missing path parameter/);
  });

  it("leaves a path without parameters alone when called without params", () => {
    expect(pathFor("/api/patients")).toBe("/api/patients");
  });
});

describe("the endpoint catalogue", () => {
  const entries = Object.entries(endpoints) as [string, Endpoint][];

  it.each(entries)("%s declares a params schema exactly when its path has parameters", (_, endpoint) => {
    expect(endpoint.params !== undefined).toBe(endpoint.path.includes(":"));
  });

  it.each(entries)("%s is under /api and has a summary", (_, endpoint) => {
    expect(endpoint.path.startsWith("/api/")).toBe(true);
    expect(endpoint.summary.length).toBeGreaterThan(0);
  });

  it.each(entries.filter(([, e]) => e.method === "get"))("%s (GET) has no body", (_, endpoint) => {
    expect(endpoint.body).toBeUndefined();
  });

  it("has no two endpoints with the same method and path", () => {
    const keys = entries.map(([, e]) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("leaves only health and login public", () => {
    expect(entries.filter(([, e]) => e.roles === null).map(([name]) => name)).toEqual(["health", "login"]);
  });

  it("opens nothing but ingest to a device, and ingest only to a device's API key", () => {
    const forDevices = entries.filter(([, e]) => e.roles?.includes("device"));
    expect(forDevices.map(([name]) => name)).toEqual(["ingestVitals"]);
    expect(entries.filter(([, e]) => e.auth === "apiKey").map(([name]) => name)).toEqual(["ingestVitals"]);
    expect(endpoints.ingestVitals.roles).toEqual(["device"]);
  });

  it("lets only admins manage API keys", () => {
    for (const e of [endpoints.createApiKey, endpoints.listApiKeys, endpoints.revokeApiKey]) {
      expect(e.roles).toEqual(["admin"]);
    }
  });

  it("lets only physicians acknowledge alerts and sign discharges", () => {
    expect(endpoints.acknowledgeAlert.roles).toEqual(["physician"]);
    expect(endpoints.signDischarge.roles).toEqual(["physician"]);
  });
});
