import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Keys whose values never reach a log line: credentials and patient identifiers. pino's paths match
 * one level per segment, so each key is listed at the top and two levels down (err.body.password...).
 */
const secretKeys = [
  "cookie",
  "authorization",
  "set-cookie",
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "apiKey",
  "mrn",
  "fullName",
  "full_name",
  "dateOfBirth",
  "date_of_birth",
  "patientName",
  "body",
];

export const redactPaths = secretKeys.flatMap((key) => {
  const k = key.includes("-") ? `["${key}"]` : key;
  const dot = key.includes("-") ? k : `.${k}`;
  return [k, `*${dot}`, `*.*${dot}`, `*.*.*${dot}`];
});

/**
 * A JSON-lines logger with credentials and patient identifiers redacted. Under vitest it is silent
 * unless VIGIL_LOG_LEVEL asks otherwise, so test output stays readable.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const quietTests = Boolean(process.env.VITEST) && !process.env.VIGIL_LOG_LEVEL;
  return pino(
    {
      level: quietTests && !destination ? "silent" : level,
      base: { service: "vigil" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** The process-wide logger; createVigilServer sets its level from VIGIL_LOG_LEVEL (config.logLevel). */
export const logger: Logger = createLogger(process.env.VIGIL_LOG_LEVEL ?? "info");

export function setLogLevel(level: string): void {
  if (process.env.VITEST && !process.env.VIGIL_LOG_LEVEL) return;
  logger.level = level;
}
