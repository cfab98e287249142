import { afterAll, beforeAll } from "vitest";
import { allowedCallers } from "./fuzz-callers.ts";
import { buildWorld, type Callers, loginCallers, type World } from "./fuzz-world.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** What a fuzz or role-matrix file works against: its own server, one caller per role and, if asked, more. */
export interface FuzzServer {
  server: TestServer;
  callers: Callers;
  /** For each endpoint, a caller it allows (only with `allowed: true`). */
  allowed: Awaited<ReturnType<typeof allowedCallers>>;
  /** A live session with a reading, observation and alert (only with `world: true`). */
  world: World;
}

/**
 * Registers the file's beforeAll (start a server, log in the callers, then optionally pick the allowed
 * callers, build the world and run `afterSetup`) and afterAll (`beforeClose`, then close the server).
 * Returns a holder filled in by beforeAll; reading a part that was not asked for throws.
 */
export function fuzzServer(
  options: {
    allowed?: boolean;
    world?: boolean;
    afterSetup?: (fuzz: FuzzServer) => Promise<void>;
    beforeClose?: () => void;
  } = {},
): FuzzServer {
  const parts: Partial<FuzzServer> = {};
  const part = <K extends keyof FuzzServer>(key: K): FuzzServer[K] => {
    const value = parts[key];
    if (value === undefined)
      throw new Error(`fuzzServer: ${key} is not set up (ask for it, and read it in a test)`);
    return value as FuzzServer[K];
  };
  const fuzz: FuzzServer = {
    get server() {
      return part("server");
    },
    get callers() {
      return part("callers");
    },
    get allowed() {
      return part("allowed");
    },
    get world() {
      return part("world");
    },
  };

  beforeAll(async () => {
    const server = await startTestServer();
    parts.server = server;
    parts.callers = await loginCallers(server);
    if (options.allowed) parts.allowed = await allowedCallers(server, parts.callers);
    if (options.world) parts.world = await buildWorld(server.url, parts.callers);
    await options.afterSetup?.(fuzz);
  });
  afterAll(async () => {
    options.beforeClose?.();
    await parts.server?.close();
  });
  return fuzz;
}
