import { describe, expect, it } from "vitest";
import { crossSiteProblem, ownOriginOf } from "./csrf.ts";

const own = "http://vigil.local:3000";
const check = (origin?: string, secFetchSite?: string, allowed: string[] = []) =>
  crossSiteProblem({ origin, secFetchSite, ownOrigin: own }, allowed);

describe("crossSiteProblem", () => {
  it("passes requests without browser headers (curl, devices) and same-origin ones", () => {
    expect(check()).toBeNull();
    expect(check(own, "same-origin")).toBeNull();
    expect(check("http://VIGIL.local:3000")).toBeNull();
  });

  it("refuses another origin, an opaque origin and cross-site fetches, naming the origin", () => {
    expect(check("https://evil.example")).toMatch(/Origin https:\/\/evil.example is not this server/);
    expect(check("null")).toMatch(/Origin null/);
    expect(check("http://vigil.local:4000")).not.toBeNull();
    expect(check(undefined, "cross-site")).toMatch(/Sec-Fetch-Site: cross-site/);
  });

  it("passes origins listed in VIGIL_ALLOWED_ORIGINS", () => {
    expect(
      check("https://portal.clinic.example", "cross-site", ["https://portal.clinic.example/"]),
    ).toBeNull();
  });
});

describe("ownOriginOf", () => {
  const headers = { host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "vigil.clinic" };

  it("uses X-Forwarded-* only behind a trusted proxy", () => {
    expect(ownOriginOf(headers, false, true)).toBe("https://vigil.clinic");
    expect(ownOriginOf(headers, false, false)).toBe("http://10.0.0.5:3000");
    expect(ownOriginOf({ host: "a:1" }, true, false)).toBe("https://a:1");
  });
});
