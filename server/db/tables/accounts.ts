import type { Generated } from "kysely";
import type { Role } from "../../../shared/schemas/user.ts";

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: Generated<Date>;
  /** Migration 0007: failed logins in a row, and the end of a lockout once they reached the limit. */
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  /** Migration 0008: false once an admin deactivated the account (no login, no live session). */
  active: Generated<boolean>;
}

export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface ApiKeysTable {
  id: string;
  label: string;
  /** sha256 (hex) of the secret; the secret itself is never stored. */
  key_hash: string;
  scope: "ingest";
  /** The device actor (users.role = 'device') that records this key's readings. */
  device_user_id: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}
