import fs from "node:fs";
import path from "node:path";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no cross-process lock and two processes on one data directory corrupt it, so Vigil
 * keeps its own: a lock file holding the owner's pid, taken atomically, taken over only when that
 * process is gone (a crash), released on clean shutdown.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "vigil.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `the data directory ${dataDir} is in use by another Vigil process (pid ${owner}). ` +
            "Stop it first, or use its API; only one process may open an embedded database.",
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}
