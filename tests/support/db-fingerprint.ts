import { type Kysely, sql } from "kysely";
import type { Database } from "../../server/db/schema.ts";

/**
 * Tables a refused request may legitimately touch: the caller's login session (last seen) and the API
 * key (last used). They are compared by row count only.
 */
const touchedByReads = new Set(["auth_sessions", "api_keys", "users"]);

/** Refusals that are audited on purpose (security events): a wrong signature password, a failed unlock. */
const auditedRefusal = "action like '%failed' or action like '%refused' or action like '%lockout'";

/**
 * Row count of every table plus a hash of the content of every table a refused request must not touch
 * (an UPDATE leaves the count alone). Two equal fingerprints: nothing was stored, even partially.
 */
export async function dbFingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name <> 'audit_seals' -- written by the audit sealer's timer, never by a request
    order by table_name`.execute(db);
  const parts = tables.rows.map(({ name }) => {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const hash = touchedByReads.has(name)
      ? "''"
      : `coalesce(md5(string_agg(t::text, '|' order by t::text)), '')`;
    const where = name === "audit_log" ? ` where not (${auditedRefusal})` : "";
    return `select '${name}' as name, count(*)::text || ':' || ${hash} as print from ${quoted} t${where}`;
  });
  const result = await sql<{ name: string; print: string }>`${sql.raw(parts.join(" union all "))}`.execute(
    db,
  );
  return Object.fromEntries(result.rows.map((r) => [r.name, r.print]));
}
