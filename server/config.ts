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
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
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
    demo: flag(env.VIGIL_DEMO, true),
    cookieSecure: flag(env.VIGIL_COOKIE_SECURE, false),
    trustProxy: flag(env.VIGIL_TRUST_PROXY, false),
    sessionTtlHours: Number(env.VIGIL_SESSION_TTL_HOURS ?? 12),
    clientDir: path.resolve(env.VIGIL_CLIENT_DIR ?? "dist/client"),
    adminPassword: env.VIGIL_ADMIN_PASSWORD || undefined,
  };
}
