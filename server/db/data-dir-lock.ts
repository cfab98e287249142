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
 * When the kernel started the process (Linux /proc; null elsewhere). After a crash the owner's pid may
 * belong to another process (a container restarted with the same process tree): its start time differs.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; counted after the command name, which may itself contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function ownerAlive(pid: number, startTime: string | undefined): boolean {
  if (pid === process.pid || !isRunning(pid)) return false;
  const now = startTime ? processStartTime(pid) : null;
  return now === null || now === startTime;
}

/**
 * PGlite has no cross-process lock and two processes on one data directory corrupt it, so Vigil
 * keeps its own: a lock file holding the owner's pid and start time, taken atomically, taken over
 * only when that process is gone (a crash or SIGKILL), released on clean shutdown.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "vigil.lock");
  const content = `${process.pid}\n${processStartTime(process.pid) ?? ""}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: "wx" });
      // Once only: a second call could remove the lock of a process that took the directory since.
      let held = true;
      return () => {
        if (held) fs.rmSync(file, { force: true });
        held = false;
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const [pidText, startTime] = fs.readFileSync(file, "utf8").split("\n");
      const owner = Number(pidText);
      if (Number.isInteger(owner) && owner > 0 && ownerAlive(owner, startTime)) {
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
