import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir, processStartTime } from "./data-dir-lock.ts";

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
    expect(fs.readFileSync(path.join(dir, "vigil.lock"), "utf8").split("\n")[0]).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "vigil.lock"))).toBe(false);
  });

  it("refuses while the owner lives with the start time it recorded", () => {
    const dir = tempDir();
    const parent = process.ppid;
    fs.writeFileSync(path.join(dir, "vigil.lock"), `${parent}\n${processStartTime(parent) ?? ""}\n`);
    expect(() => lockDataDir(dir)).toThrow(`(pid ${parent})`);
  });

  it.skipIf(processStartTime(process.pid) === null)(
    "takes over a lock whose pid now belongs to another process (the owner was killed, the pid reused)",
    () => {
      const dir = tempDir();
      const reused = process.ppid;
      fs.writeFileSync(path.join(dir, "vigil.lock"), `${reused}\n1\n`);
      const release = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, "vigil.lock"), "utf8")).toBe(
        `${process.pid}\n${processStartTime(process.pid)}\n`,
      );
      release();
    },
  );

  it("takes over an empty lock (killed between creating and writing it)", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "vigil.lock"), "");
    lockDataDir(dir)();
  });
});
