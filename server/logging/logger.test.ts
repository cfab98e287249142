import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { requestLog } from "./request-log.ts";

function capture() {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l)) };
}

describe("logger redaction", () => {
  it("redacts credentials and patient identifiers at any depth, keeps the rest", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { cookie: "vigil_session=abc", authorization: "Bearer vgl_secret" } },
        password: "hunter2-hunter2",
        patient: { mrn: "MRN-0042", fullName: "Jane Roe", dateOfBirth: "1970-01-01", weightKg: 70 },
        err: { body: { newPassword: "x" } },
        route: "/api/patients/:id",
      },
      "something happened",
    );
    const text = lines.join("");
    for (const secret of [
      "abc",
      "vgl_secret",
      "hunter2",
      "MRN-0042",
      "Jane Roe",
      "1970-01-01",
      "newPassword",
    ]) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(text);
    expect(line.patient).toEqual({
      mrn: "[redacted]",
      fullName: "[redacted]",
      dateOfBirth: "[redacted]",
      weightKg: 70,
    });
    expect(line.route).toBe("/api/patients/:id");
  });
});

describe("request log", () => {
  it("logs method, route pattern, status, duration and user, never the URL, query or body", async () => {
    const { logger, parsed } = capture();
    const app = express();
    app.use(requestLog(logger), express.json());
    app.post("/api/patients/:id", (_req, res) => {
      res.locals.user = { id: "user-1", username: "nurse", displayName: "Nurse", role: "nurse" };
      res.status(201).json({ ok: true });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/api/patients/p-77?q=Roe`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "vigil_session=abc" },
        body: JSON.stringify({ fullName: "Jane Roe" }),
      });
      await expect.poll(() => parsed().length).toBe(1);
    } finally {
      server.close();
    }
    const [line] = parsed();
    expect(line).toMatchObject({ method: "POST", route: "/api/patients/:id", status: 201, userId: "user-1" });
    expect(line.durationMs).toBeTypeOf("number");
    expect(JSON.stringify(line)).not.toMatch(/p-77|Roe|abc/);
  });
});
