import { afterEach, describe, expect, it, vi } from "vitest";
import { endpoints } from "../../shared/api/endpoints.ts";
import { jsonResponse, mockFetch } from "../testing/render.tsx";
import { ApiError, apiRequest } from "./api-client.ts";

afterEach(() => vi.unstubAllGlobals());

describe("apiRequest", () => {
  it("builds the path and query, and parses the response with the endpoint schema", async () => {
    const fetch = mockFetch(() => jsonResponse([]));
    await expect(apiRequest(endpoints.listPatients, { query: { q: "doe" } })).resolves.toEqual([]);
    expect(fetch.mock.calls[0]![0]).toBe("/api/patients?q=doe");
  });

  it("turns an error body into an ApiError with issues", async () => {
    mockFetch(() =>
      jsonResponse(
        { error: { code: "invalid_transition", message: "Not allowed", allowed: ["recovery"], issues: [] } },
        409,
      ),
    );
    const error = await apiRequest(endpoints.changePhase, {
      params: { id: "11111111-1111-4111-8111-111111111111" },
      body: { to: "infusing" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "invalid_transition", allowed: ["recovery"] });
  });

  it("refuses a response that breaks the contract", async () => {
    mockFetch(() => jsonResponse({ user: { id: "nope" } }));
    await expect(apiRequest(endpoints.me)).rejects.toMatchObject({ code: "internal" });
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    await expect(apiRequest(endpoints.health)).rejects.toMatchObject({ status: 0, code: "network" });
  });
});
