import fs from "node:fs";
import os from "node:os";
import { round } from "../bench-result.ts";

/** Linux reports process times in USER_HZ ticks, 100 a second on every architecture. */
const msPerTick = 10;

/** CPU time of every PostgreSQL process on this machine (server, backends, background workers), in ms. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    // pid (comm) state ppid ...: comm may hold spaces, so the fields are counted from its closing bracket.
    const close = stat.lastIndexOf(")");
    if (!stat.slice(stat.indexOf("(") + 1, close).startsWith("postgres")) continue;
    const fields = stat.slice(close + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks * msPerTick;
}

/** The machine's busy and total CPU time over all cores, in ms (from /proc/stat's first line). */
function machineCpuMs(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = ticks[3]! + (ticks[4] ?? 0); // idle, iowait
  return { busy: (total - idle) * msPerTick, total: total * msPerTick };
}

export interface CpuPerItem {
  /** This process (every thread: on PGlite the embedded database's too), µs of CPU per item. */
  thisProcessUs: number;
  /**
   * Every PostgreSQL process on the machine, µs per item (with PGlite, which runs in this process, only
   * whatever a PostgreSQL server on the machine did meanwhile: about 0).
   */
  postgresUs: number;
  /** How busy all the machine's cores were over the window. */
  machineBusy: number;
}

/**
 * Items a second this machine's cores could do at that cost if nothing else ran: cores / (µs per item).
 * Meaningful where the work can use every core (PostgreSQL's backends beside the server); PGlite's database
 * is one thread.
 */
export const cpuCeilingPerSecond = (cpu: CpuPerItem): number =>
  Math.round((os.availableParallelism() * 1e6) / (cpu.thisProcessUs + cpu.postgresUs));

/**
 * What `work` costs in CPU, per item, split between this process and PostgreSQL: on a machine whose cores
 * the database and the server share, it says how far a throughput is from what the cores allow.
 */
export async function cpuPerItem<T>(
  items: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuPerItem }> {
  const process0 = process.cpuUsage();
  const postgres0 = postgresCpuMs();
  const machine0 = machineCpuMs();
  const result = await work();
  const used = process.cpuUsage(process0);
  const postgresMs = postgresCpuMs() - postgres0;
  const machine1 = machineCpuMs();
  const n = Math.max(1, items);
  const thisProcessUs = (used.user + used.system) / n;
  const postgresUs = (postgresMs * 1000) / n;
  return {
    result,
    cpu: {
      thisProcessUs: round(thisProcessUs, 1),
      postgresUs: round(postgresUs, 1),
      machineBusy: round((machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total)),
    },
  };
}
