import type { Migration } from "kysely";
import * as initial from "./0001-initial.ts";
import * as alertEngine from "./0002-alert-engine.ts";

/** Versioned migrations, applied in key order. Never edit a landed migration: add the next one. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-alert-engine": alertEngine,
};
