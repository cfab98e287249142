import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.ts";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("lockDataDir", () => {
  it("refuses a directory held by a live process, naming it", () => {
    const dir = tempDir();
    const parent = process.ppid;
    fs.writeFileSync(path.join(dir, "vigil.lock"), String(parent));
    expect(() => lockDataDir(dir)).toThrow(`in use by another Vigil process (pid ${parent})`);
  });

  it("takes over the lock of a process that is gone, and releases it", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    fs.writeFileSync(path.join(dir, "vigil.lock"), String(dead));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "vigil.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "vigil.lock"))).toBe(false);
  });
});
