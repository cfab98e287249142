import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

async function headersWith(hsts: boolean): Promise<Headers> {
  const app = express();
  app.use(securityHeaders({ hsts }));
  app.get("/", (_req, res) => {
    res.send("ok");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return res.headers;
  } finally {
    server.close();
  }
}

describe("securityHeaders", () => {
  it("sends HSTS (and upgrades insecure requests) only when cookies are Secure", async () => {
    const secure = await headersWith(true);
    expect(secure.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(secure.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await headersWith(false);
    expect(plain.get("strict-transport-security")).toBeNull();
    expect(plain.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});
