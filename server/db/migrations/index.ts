import type { Migration } from "kysely";
import * as initial from "./0001-initial.ts";
import * as alertEngine from "./0002-alert-engine.ts";
import * as apiKeys from "./0003-api-keys.ts";
import * as dischargeAmendments from "./0004-discharge-amendments.ts";
import * as coursesScreening from "./0005-courses-screening.ts";
import * as auditLog from "./0006-audit-log.ts";
import * as loginLockout from "./0007-login-lockout.ts";
import * as userActive from "./0008-user-active.ts";
import * as auditSeals from "./0009-audit-seals.ts";
import * as engineSnapshots from "./0010-engine-snapshots.ts";

/** Versioned migrations, applied in key order. Never edit a landed migration: add the next one. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-alert-engine": alertEngine,
  "0003-api-keys": apiKeys,
  "0004-discharge-amendments": dischargeAmendments,
  "0005-courses-screening": coursesScreening,
  "0006-audit-log": auditLog,
  "0007-login-lockout": loginLockout,
  "0008-user-active": userActive,
  "0009-audit-seals": auditSeals,
  "0010-engine-snapshots": engineSnapshots,
};
