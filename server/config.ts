import path from "node:path";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionTtlHours: number;
  clientDir: string;
  adminPassword: string | undefined;
  /** Redis for Socket.IO fan-out across nodes (Redis Streams adapter); unset = one node, in-memory adapter. */
  redisUrl: string | undefined;
  /** Failed logins in a row before the account is locked for loginLockoutMinutes. */
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Minutes without input before a workstation locks (the session stays, the screen asks for the password). */
  idleLockMinutes: number;
  /** Origins allowed to make state-changing requests besides the server's own (CSRF origin check). */
  allowedOrigins: string[];
  logLevel: string;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

function port(value: string | undefined): number {
  const n = Number(value ?? 3000);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be 0-65535, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: port(env.PORT),
    dataDir: path.resolve(env.VIGIL_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    // A real PostgreSQL is a real clinic's database: no demo patients there unless asked for.
    demo: flag(env.VIGIL_DEMO, !env.DATABASE_URL),
    cookieSecure: flag(env.VIGIL_COOKIE_SECURE, false),
    trustProxy: flag(env.VIGIL_TRUST_PROXY, false),
    sessionTtlHours: Number(env.VIGIL_SESSION_TTL_HOURS ?? 12),
    clientDir: path.resolve(env.VIGIL_CLIENT_DIR ?? "dist/client"),
    adminPassword: env.VIGIL_ADMIN_PASSWORD || undefined,
    redisUrl: env.REDIS_URL || undefined,
    loginMaxFailures: positiveNumber("VIGIL_LOGIN_MAX_FAILURES", env.VIGIL_LOGIN_MAX_FAILURES, 5),
    loginLockoutMinutes: positiveNumber("VIGIL_LOGIN_LOCKOUT_MINUTES", env.VIGIL_LOGIN_LOCKOUT_MINUTES, 15),
    idleLockMinutes: positiveNumber("VIGIL_IDLE_LOCK_MINUTES", env.VIGIL_IDLE_LOCK_MINUTES, 10),
    allowedOrigins: (env.VIGIL_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: env.VIGIL_LOG_LEVEL ?? "info",
  };
}
