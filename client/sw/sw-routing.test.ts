import { describe, expect, it } from "vitest";
import { cacheNameFor, routeRequest, staleCaches } from "./sw-routing.ts";

const origin = "https://vigil.clinic.example";
const precached = new Set(["/index.html", "/assets/index-Abc123.js", "/assets/index-Def456.css"]);

const get = (path: string, mode = "cors", base = origin) => ({ method: "GET", url: `${base}${path}`, mode });

describe("service worker routing", () => {
  it("answers page loads network first (cached shell offline), any client route included", () => {
    for (const path of ["/", "/sessions/0b7e", "/patients?q=ok", "/login", "/index.html"]) {
      expect(routeRequest(get(path, "navigate"), origin, precached)).toBe("navigation");
    }
  });

  it("serves the build's files cache first", () => {
    expect(routeRequest(get("/assets/index-Abc123.js", "no-cors"), origin, precached)).toBe("cache-first");
    expect(routeRequest(get("/assets/index-Def456.css"), origin, precached)).toBe("cache-first");
  });

  it("never caches clinical data: /api and /socket.io pass through, page loads of them too", () => {
    for (const path of [
      "/api/auth/me",
      "/api/sessions/0b7e",
      "/api",
      "/api/sessions/0b7e/vitals?x=1",
      "/socket.io/?EIO=4&transport=polling",
      "/socket.io",
    ]) {
      expect(routeRequest(get(path), origin, precached)).toBe("pass-through");
      expect(routeRequest(get(path, "navigate"), origin, precached)).toBe("pass-through");
    }
  });

  it("leaves writes, other origins and files outside the build alone", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(
        routeRequest({ method, url: `${origin}/api/sessions/1/vitals`, mode: "cors" }, origin, precached),
      ).toBe("pass-through");
      expect(
        routeRequest({ method, url: `${origin}/assets/index-Abc123.js`, mode: "cors" }, origin, precached),
      ).toBe("pass-through");
    }
    expect(
      routeRequest(get("/assets/index-Abc123.js", "cors", "https://cdn.example"), origin, precached),
    ).toBe("pass-through");
    expect(routeRequest(get("/assets/old-Zzz999.js"), origin, precached)).toBe("pass-through");
    expect(routeRequest(get("/favicon.ico"), origin, precached)).toBe("pass-through");
    // a path that only starts like /api is an ordinary page
    expect(routeRequest(get("/apiary", "navigate"), origin, precached)).toBe("navigation");
  });

  it("gives each build its own cache and deletes only older shell caches", () => {
    const current = cacheNameFor("b2");
    expect(cacheNameFor("b1")).not.toBe(current);
    expect(
      staleCaches([cacheNameFor("b1"), current, "other-app-cache", cacheNameFor("b0")], current),
    ).toEqual([cacheNameFor("b1"), cacheNameFor("b0")]);
  });
});
